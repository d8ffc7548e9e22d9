using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>DepthToSpace (N, C, H, W) to (N, C/b², H·b, W·b), and SpaceToDepth the other way.</summary>
internal sealed class DepthToSpaceShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DepthToSpace", "SpaceToDepth" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        long block = context.Attributes.GetInt("blocksize", 0);
        if (x.Rank != 4 || block <= 0)
        {
            throw context.Invalid($"expects a 4-D input and a positive blocksize; got {x} and {block}");
        }

        bool toSpace = context.Node.OpType == "DepthToSpace";
        long area = checked(block * block);
        var dims = new[]
        {
            x[0],
            toSpace ? Divide(context, x[1], area) : Multiply(context, x[1], area),
            toSpace ? Multiply(context, x[2], block) : Divide(context, x[2], block),
            toSpace ? Multiply(context, x[3], block) : Divide(context, x[3], block),
        };
        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(dims));
    }

    private static Dim Multiply(ShapeContext context, Dim d, long factor) =>
        d.IsKnown ? Dim.Of(checked(d.Value * factor)) : context.NewDim("block");

    private static Dim Divide(ShapeContext context, Dim d, long factor)
    {
        if (!d.IsKnown)
        {
            return context.NewDim("block");
        }

        return d.Value % factor == 0 ? Dim.Of(d.Value / factor) : throw context.Invalid($"dim {d.Value} is not a multiple of {factor}");
    }
}
