namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>com.microsoft FusedGemm: the output of the Gemm it fuses (<see cref="GemmShapeRule"/>); the activation keeps it.</summary>
internal sealed class FusedGemmShapeRule : IShapeRule
{
    private static readonly GemmShapeRule Gemm = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "FusedGemm" };

    public void Infer(ShapeContext context) => Gemm.Infer(context);
}
