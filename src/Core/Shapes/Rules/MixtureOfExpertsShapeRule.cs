namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>com.microsoft MoE and QMoE: the output is the input's type and shape.</summary>
internal sealed class MixtureOfExpertsShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MoE", "QMoE" };

    public void Infer(ShapeContext context) => context.SetOutput(0, context.RequireType(0));
}
