using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>MaxPool, AveragePool and LpPool: (N, C, D...) to (N, C, O...); MaxPool's optional Indices are int64.</summary>
internal sealed class PoolShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MaxPool", "AveragePool", "LpPool" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var x = context.RequireShape(0);
        var kernel = context.Attributes.GetInts("kernel_shape")
            ?? throw context.Invalid("kernel_shape is required");
        if (x.Rank != kernel.Length + 2)
        {
            throw context.Invalid($"kernel_shape has {kernel.Length} values for input {x}");
        }

        bool ceilMode = context.Attributes.GetInt("ceil_mode", 0) != 0;
        var shape = new TensorShape(new[] { x[0], x[1] }.Concat(WindowMath.Spatial(context, x.Skip(2).ToList(), kernel, ceilMode)));
        context.SetOutput(0, type.ElementType, shape);
        context.SetOutput(1, ElementType.Int64, shape);
    }
}
