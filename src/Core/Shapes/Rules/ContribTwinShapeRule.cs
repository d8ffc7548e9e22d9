namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The legacy com.microsoft copies of ONNX operators that behave as their twins: GatherND (as GatherND with
/// <c>batch_dims</c> 0, the contrib form having no such attribute, <see cref="GatherNDShapeRule"/>) and Trilu
/// (the input's shape and type, <see cref="UnaryShapeRule"/>).
/// </summary>
internal sealed class ContribTwinShapeRule : IShapeRule
{
    private static readonly Dictionary<string, IShapeRule> Twins = new(StringComparer.Ordinal)
    {
        ["GatherND"] = new GatherNDShapeRule(),
        ["Trilu"] = new UnaryShapeRule(),
    };

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = Twins.Keys.ToArray();

    public void Infer(ShapeContext context) => Twins[context.Node.OpType].Infer(context);
}
