using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Onnx.Wire;

namespace EfficiencyMisnomer.Graph;

/// <summary>
/// The operator sets a model imports, checked: the shape and cost rules of the default domain depend on its version,
/// so a model must import it (EM1107) at a version the rules are known to be right for (EM1105).
/// </summary>
internal static class OpsetImports
{
    /// <summary>
    /// The newest default-domain opset the engine knows: 26 (ONNX 1.21). The rules are written against opsets 7 to 21;
    /// opsets 22 to 26 added element types and new operators only (ONNX 1.17 to 1.21 release notes), which leave the rules
    /// right. ONNX Runtime 1.31, the runtime the measurements use, refuses newer opsets as well.
    /// </summary>
    public const long NewestDefaultOpset = 26;

    /// <summary>The imported version per domain, the default domain under the empty string.</summary>
    public static Dictionary<string, long> Read(ModelProto proto, ModelSource source)
    {
        var opsets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var opset in proto.OpsetImport)
        {
            var domain = opset.Domain == "ai.onnx" ? string.Empty : opset.Domain;
            var shown = domain.Length == 0 ? "the default ONNX domain" : $"domain '{UserText.Quote(domain)}'";
            if (opset.Version < 1)
            {
                throw Unsupported(source, $"imports {shown} at version {opset.Version}; opset versions start at 1");
            }

            if (opsets.TryGetValue(domain, out var other) && other != opset.Version)
            {
                throw Unsupported(source, $"imports {shown} twice, at versions {other} and {opset.Version}");
            }

            if (domain.Length == 0 && opset.Version > NewestDefaultOpset)
            {
                throw Unsupported(source,
                    $"imports ONNX opset {opset.Version}, newer than opset {NewestDefaultOpset}, the newest whose operators this version of EfficiencyMisnomer "
                    + $"(and ONNX Runtime) knows; export the model at opset {NewestDefaultOpset} or lower");
            }

            opsets[domain] = opset.Version;
        }

        if (!opsets.ContainsKey(string.Empty) && proto.IrVersion is 1 or 2)
        {
            opsets[string.Empty] = 1; // IR versions before opset_import implied the first opset
        }

        if (opsets.Count == 0)
        {
            throw new EfficiencyException(ErrorCodes.MissingOpsetImport,
                $"'{source.Path}' imports no opset (its opset_import is empty): every ONNX model must import the operator sets it uses, "
                + "e.g. the default domain at the opset it was exported with; re-export the model.",
                new SourceLocation(source.Path));
        }

        return opsets;
    }

    /// <summary>Refuses a node of the default domain when the model does not import that domain: its rules would not know which opset applies.</summary>
    public static void RequireDefaultDomain(OnnxGraph graph, IReadOnlyDictionary<string, long> opsets, ModelSource source)
    {
        if (opsets.ContainsKey(string.Empty))
        {
            return;
        }

        foreach (var (node, _) in graph.AllNodes())
        {
            if (node.IsDefaultDomain)
            {
                var name = UserText.Quote(node.Name);
                throw new EfficiencyException(ErrorCodes.MissingOpsetImport,
                    $"node '{UserText.Quote(name)}' ({UserText.Quote(node.OpType)}) is an operator of the default ONNX domain, which the model does not import "
                    + $"(it imports only {string.Join(", ", opsets.Keys.Select(d => $"'{UserText.Quote(d)}'"))}); "
                    + "add the default domain to opset_import at the opset the model was exported with.",
                    source.Locate($"node '{UserText.Quote(name)}'"));
            }
        }
    }

    private static EfficiencyException Unsupported(ModelSource source, string problem) =>
        new(ErrorCodes.UnsupportedOpset, $"'{source.Path}' {problem}.", new SourceLocation(source.Path));
}
