namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>com.microsoft FusedConv: the output of the Conv it fuses (<see cref="ConvShapeRule"/>); the activation keeps it.</summary>
internal sealed class FusedConvShapeRule : IShapeRule
{
    private static readonly ConvShapeRule Conv = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "FusedConv" };

    public void Infer(ShapeContext context) => Conv.Infer(context);
}
