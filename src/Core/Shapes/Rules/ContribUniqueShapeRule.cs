using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft Unique, which differs from ONNX Unique: a 1-D x gives the unique values y in order of first
/// occurrence (x's type), idx (int64, x's length) and counts (int64, y's length); how many values are unique is
/// known only at run time.
/// </summary>
internal sealed class ContribUniqueShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Unique" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        if (x.Rank != 1)
        {
            throw context.Invalid($"x {x} must be 1-D");
        }

        var unique = new TensorShape(new[] { context.NewDim("unique") });
        context.SetOutput(0, context.RequireType(0).ElementType, unique);
        context.SetOutput(1, ElementType.Int64, x);
        context.SetOutput(2, ElementType.Int64, unique);
    }
}
