using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>com.microsoft NhwcMaxPool, ONNX Runtime's channels-last int8/uint8 MaxPool: (N, D..., C) to (N, O..., C).</summary>
internal sealed class NhwcMaxPoolShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "NhwcMaxPool" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        var kernel = context.Attributes.GetInts("kernel_shape") ?? throw context.Invalid("kernel_shape is required");
        if (x.Rank != kernel.Length + 2)
        {
            throw context.Invalid($"kernel_shape has {kernel.Length} values for input {x}");
        }

        bool ceilMode = context.Attributes.GetInt("ceil_mode", 0) != 0;
        var spatial = WindowMath.Spatial(context, x.Skip(1).Take(kernel.Length).ToList(), kernel, ceilMode);
        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(new[] { x[0] }.Concat(spatial).Append(x[x.Rank - 1])));
    }
}
