using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Runtime.Inputs;

/// <summary>
/// The concrete input and output types of a model at a batch size, from Core's shape inference over the
/// spec's bindings: the batch sizes the leading symbolic dimension of every input, and never an input whose shape is
/// given whole or fixed by the model. <see cref="Fills"/> says what each input holds (<see cref="InputPlanner"/>).
/// </summary>
public sealed record BoundInputs(
    IReadOnlyDictionary<string, TensorType> Inputs,
    IReadOnlyDictionary<string, TensorType?> Outputs,
    IReadOnlyList<Diagnostic> Warnings)
{
    private static readonly System.Text.CompositeFormat FixedBatch = System.Text.CompositeFormat.Parse("model '{0}': no input has a symbolic leading dimension for batch {1} (the shapes are fixed by the model or given whole in the spec); the model runs at the shapes it has");
    private static readonly System.Text.CompositeFormat Filled = System.Text.CompositeFormat.Parse("model '{0}' inputs: {1}");

    /// <summary>What each input holds: declared in the spec, or synthesised as a real call would have it, with why.</summary>
    public IReadOnlyDictionary<string, InputFill> Fills { get; init; } = new Dictionary<string, InputFill>();

    /// <summary>The requested batch where it sizes the inputs (an input had a symbolic leading dimension to take it); else null.</summary>
    public int? AppliedBatch { get; init; }

    /// <summary>
    /// The batch the inputs have: the requested one where it applied, else the batch a model exported at a fixed batch
    /// has (<see cref="ExportedBatch"/>), else 1: one sample per inference.
    /// </summary>
    public int Batch => AppliedBatch ?? ExportedBatch() ?? 1;

    /// <summary>
    /// The leading dimension shared by every input of rank 2 or more and by the outputs whose leading dimension is known
    /// (<c>[8, 3, 224, 224]</c> to <c>[8, 1000]</c>); null when they do not all share one. A leading dimension that no
    /// output keeps is not a batch: a detector's image <c>[3, 320, 320]</c> has channels there, and its boxes a count
    /// known only at run time, so its throughput counts images, not channels.
    /// </summary>
    private int? ExportedBatch()
    {
        var inputs = Inputs.Values.Where(t => t.Shape is { Rank: >= 2 }).Select(t => t.Shape![0]).ToList();
        var outputs = Outputs.Values.Where(t => t?.Shape is { Rank: >= 1 } s && s[0].IsKnown).Select(t => t!.Shape![0].Value).ToList();
        if (inputs.Count == 0 || outputs.Count == 0 || !inputs.TrueForAll(d => d.IsKnown))
        {
            return null;
        }

        var batch = inputs[0].Value;
        return batch > 1 && batch <= int.MaxValue && inputs.TrueForAll(d => d.Value == batch) && outputs.TrueForAll(d => d == batch) ? (int)batch : null;
    }

    public static BoundInputs Resolve(OnnxModel model, ShapeBindings bindings, int? batch = null, InputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bindings);
        var warnings = new List<Diagnostic>();
        var (applied, batchApplied) = batch is { } size ? WithBatch(model, bindings, size, warnings) : (bindings, false);
        var inferred = ShapeInference.Run(model, applied);
        warnings.AddRange(inferred.Warnings);
        var outputs = model.Graph.Outputs.ToDictionary(o => o.Name, o => inferred.TypeOf(o.Name) ?? o.Type, StringComparer.Ordinal);
        var fills = InputPlanner.Plan(model, inferred, applied, options ?? InputOptions.Default);
        if (fills.Count > 0)
        {
            var described = string.Join("; ", fills.Select(f => $"'{UserText.Quote(f.Key)}' {f.Value.Describe()}"));
            warnings.Add(Diagnostic.Info(ErrorCodes.InputsFilled,
                UserText.Format(Filled, model.Path, described)));
        }

        return new BoundInputs(inferred.Inputs, outputs, warnings) { Fills = fills, AppliedBatch = batchApplied ? batch : null };
    }

    /// <summary>
    /// The bindings with the leading symbolic dimension of each input set to <paramref name="batch"/>, and whether any
    /// input took it; inputs whose shape the spec gives whole, or whose leading dimension the model fixes, keep theirs.
    /// </summary>
    private static (ShapeBindings Bindings, bool Applied) WithBatch(OnnxModel model, ShapeBindings bindings, int batch, List<Diagnostic> warnings)
    {
        var symbols = new Dictionary<string, long>(bindings.Symbols, StringComparer.Ordinal);
        var applied = false;
        foreach (var input in model.Graph.Inputs)
        {
            if (bindings.Inputs.ContainsKey(input.Name) || input.Type?.Shape is not { Rank: > 0 } shape)
            {
                continue;
            }

            if (!shape[0].IsKnown)
            {
                symbols[shape[0].Symbol!] = batch;
                applied = true;
            }
        }

        if (!applied && batch != 1 && model.Graph.Inputs.Any(i => i.Type?.Shape is { Rank: > 0 }))
        {
            warnings.Add(Diagnostic.Warning(ErrorCodes.BatchNotApplied,
                UserText.Format(FixedBatch, model.Path, batch)));
        }

        return (new ShapeBindings(symbols, bindings.Inputs) { Fills = bindings.Fills }, applied);
    }
}
