namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft elementwise fusions (Gelu, FastGelu, BiasGelu, QuickGelu, BiasAdd): the present inputs
/// (data, bias, skip) broadcast, and the output keeps the first input's type.
/// </summary>
internal sealed class FusedActivationShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Gelu", "FastGelu", "BiasGelu", "QuickGelu", "BiasAdd" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var shapes = Enumerable.Range(0, context.InputCount).Where(context.HasInput).Select(context.RequireShape).ToArray();
        context.SetOutput(0, type.ElementType, ShapeMath.Broadcast(context, shapes));
    }
}
