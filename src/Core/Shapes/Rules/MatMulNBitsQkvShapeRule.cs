namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft MatMulNBitsQkv: the RMS-normalized A (…, K) projected three times; Q is (…, Nq), K and V
/// (…, Nkv), from the attributes; the optional residual sum (output 3) has A's shape. The norm scale
/// (input 2) is required.
/// </summary>
internal sealed class MatMulNBitsQkvShapeRule : IShapeRule
{
    private const int NormScaleInput = 2;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMulNBitsQkv" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var a = QuantizedProjection.Input(context);
        var query = QuantizedProjection.Width(context, "Nq");
        var keyValue = QuantizedProjection.Width(context, "Nkv");
        if (!context.HasInput(NormScaleInput))
        {
            throw context.Invalid("the required input norm_scale (2) is missing");
        }

        context.SetOutput(0, type.ElementType, QuantizedProjection.Project(a, query));
        context.SetOutput(1, type.ElementType, QuantizedProjection.Project(a, keyValue));
        context.SetOutput(2, type.ElementType, QuantizedProjection.Project(a, keyValue));
        context.SetOutput(3, type);
    }
}
