using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Runtime.Inputs;

/// <summary>
/// The concrete input and output types of a model at a batch size, from Core's shape inference over the
/// spec's bindings: the batch replaces the leading symbolic dimension of every input.
/// </summary>
public sealed record BoundInputs(
    IReadOnlyDictionary<string, TensorType> Inputs,
    IReadOnlyDictionary<string, TensorType?> Outputs,
    IReadOnlyList<Diagnostic> Warnings)
{
    private static readonly System.Text.CompositeFormat FixedBatch = System.Text.CompositeFormat.Parse("model '{0}' has a fixed leading dimension on input '{1}' ({2}); batch {3} cannot be applied there");

    public static BoundInputs Resolve(OnnxModel model, ShapeBindings bindings, int? batch = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bindings);
        var warnings = new List<Diagnostic>();
        var applied = batch is { } size ? WithBatch(model, bindings, size, warnings) : bindings;
        var inferred = ShapeInference.Run(model, applied);
        warnings.AddRange(inferred.Warnings);
        var outputs = model.Graph.Outputs.ToDictionary(o => o.Name, o => inferred.TypeOf(o.Name) ?? o.Type, StringComparer.Ordinal);
        return new BoundInputs(inferred.Inputs, outputs, warnings);
    }

    /// <summary>The bindings with the leading dimension of each input set to <paramref name="batch"/>.</summary>
    internal static ShapeBindings WithBatch(OnnxModel model, ShapeBindings bindings, int batch, List<Diagnostic> warnings)
    {
        var symbols = new Dictionary<string, long>(bindings.Symbols, StringComparer.Ordinal);
        var inputs = bindings.Inputs.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        foreach (var input in model.Graph.Inputs)
        {
            if (inputs.TryGetValue(input.Name, out var whole))
            {
                if (whole.Length > 0)
                {
                    whole[0] = batch;
                }

                continue;
            }

            if (input.Type?.Shape is not { Rank: > 0 } shape)
            {
                continue;
            }

            if (!shape[0].IsKnown)
            {
                symbols[shape[0].Symbol!] = batch;
            }
            else if (shape[0].Value != batch)
            {
                warnings.Add(Diagnostic.Warning(ErrorCodes.BatchNotApplied,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, FixedBatch, model.Path, input.Name, shape[0].Value, batch)));
            }
        }

        return new ShapeBindings(symbols, inputs);
    }
}
