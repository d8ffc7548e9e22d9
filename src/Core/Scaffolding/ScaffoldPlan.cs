using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Scaffolding;

/// <summary>
/// How a scaffold analyses one model: the bindings (the user's, and every leading (batch) dimension left unbound at 1;
/// any other unbound one the analysis refuses, naming it), a generation for a decoder with a KV cache as ONNX Runtime
/// GenAI names it (past inputs fed by present outputs), and the bindings the spec then writes.
/// </summary>
/// <param name="Bindings">What the model is analysed and measured at.</param>
/// <param name="Generation">For a decoder, the generation it is costed per phase at; null otherwise.</param>
/// <param name="Written">The bindings the spec's <c>bind:</c> line names: those of a symbolic dimension of the model, in
/// the order its inputs use them; for a decoder only the user's, its generation binding every step itself.</param>
public sealed record ScaffoldPlan(ShapeBindings Bindings, Generation? Generation, IReadOnlyDictionary<string, long> Written)
{
    /// <summary>The prompt and generated tokens a decoder's scaffold starts from.</summary>
    public const long DecoderPrompt = 32, DecoderNewTokens = 32;

    private const string UnusedBinding = "binding '{0}' names neither a symbolic dimension nor an input of any model given; known: {1}";

    /// <summary>
    /// The plan for <paramref name="model"/>. The user's bindings are given for every model of the scaffold, so each
    /// model takes those that name one of its inputs or of their symbolic dimensions (<see cref="BindableNames"/>); a
    /// binding that names nothing in any model is the caller's to refuse (<see cref="RefuseUnused"/>).
    /// </summary>
    public static ScaffoldPlan For(OnnxModel model, ShapeBindings given)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(given);
        given = given.Restrict(BindableNames(model));
        var symbols = new Dictionary<string, long>(given.Symbols, StringComparer.Ordinal);
        foreach (var input in model.Graph.Inputs)
        {
            if (input.Type?.Shape is { Rank: > 0 } shape && !shape[0].IsKnown && !symbols.ContainsKey(shape[0].Symbol!) && !given.Inputs.ContainsKey(input.Name))
            {
                symbols[shape[0].Symbol!] = 1;
            }
        }

        var bindings = new ShapeBindings(symbols, given.Inputs) { Fills = given.Fills };
        var decoder = model.Graph.Inputs.Any(i => i.Name.StartsWith(Generation.GenAiPast, StringComparison.Ordinal))
            && model.Graph.Outputs.Any(o => o.Name.StartsWith(Generation.GenAiPresent, StringComparison.Ordinal));
        return decoder
            ? new ScaffoldPlan(bindings, new Generation(DecoderPrompt, DecoderNewTokens), Used(model, given))
            : new ScaffoldPlan(bindings, null, Used(model, bindings));
    }

    /// <summary>What a binding may name in <paramref name="model"/>: its inputs and the symbolic dimensions of their shapes.</summary>
    public static IReadOnlySet<string> BindableNames(OnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var names = model.Graph.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        names.UnionWith(model.Graph.Inputs.SelectMany(i => i.Type?.Shape ?? TensorShape.Scalar).Where(d => !d.IsKnown).Select(d => d.Symbol!));
        return names;
    }

    /// <summary>
    /// Refuses (<see cref="ErrorCodes.UnknownBindingTarget"/>) a binding of <paramref name="given"/> that no model of
    /// <paramref name="models"/> has: with each binding applying where its name exists, that is a typo, said before any work.
    /// </summary>
    public static void RefuseUnused(IReadOnlyList<OnnxModel> models, ShapeBindings given)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(given);
        var names = models.SelectMany(BindableNames).ToHashSet(StringComparer.Ordinal);
        if (given.Names.FirstOrDefault(n => !names.Contains(n)) is { } unused)
        {
            throw new EfficiencyException(ErrorCodes.UnknownBindingTarget, UserText.Format(UnusedBinding, UserText.Quote(unused),
                string.Join(", ", names.Order(StringComparer.Ordinal).Select(n => UserText.Quote(n)))));
        }
    }

    private static Dictionary<string, long> Used(OnnxModel model, ShapeBindings bindings)
    {
        var used = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var dim in model.Graph.Inputs.SelectMany(i => i.Type?.Shape ?? TensorShape.Scalar).Where(d => !d.IsKnown))
        {
            if (bindings.Symbols.TryGetValue(dim.Symbol!, out var size))
            {
                used.TryAdd(dim.Symbol!, size);
            }
        }

        return used;
    }
}
