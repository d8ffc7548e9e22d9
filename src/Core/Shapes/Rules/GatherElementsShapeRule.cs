namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>GatherElements: the output has the indices' shape and the data's type.</summary>
internal sealed class GatherElementsShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GatherElements" };

    public void Infer(ShapeContext context)
    {
        var data = context.RequireShape(0);
        var indices = context.RequireShape(1);
        if (data.Rank != indices.Rank)
        {
            throw context.Invalid($"data {data} and indices {indices} must have the same rank");
        }

        ShapeMath.Axis(context, context.Attributes.GetInt("axis", 0), data.Rank);
        context.SetOutput(0, context.RequireType(0).ElementType, indices);
    }
}
