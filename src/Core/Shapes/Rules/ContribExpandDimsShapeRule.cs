namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft ExpandDims: X with a dim of size 1 inserted at the scalar <c>axis</c> (input 1, in
/// [-rank - 1, rank]), as Unsqueeze inserts one (<see cref="UnsqueezeShapeRule.Insert"/>).
/// </summary>
internal sealed class ContribExpandDimsShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "ExpandDims" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        var axis = context.RequireValue(1).ToIntegers();
        if (axis.Length != 1)
        {
            throw context.Invalid($"axis must be one value, not {axis.Length}");
        }

        UnsqueezeShapeRule.Insert(context, shape, axis);
    }
}
