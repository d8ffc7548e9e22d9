using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.CostModel;

/// <summary>What a static analysis needs besides the model: shape bindings, and the optimizer for training estimates.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    public ShapeBindings Bindings { get; init; } = ShapeBindings.None;

    public Optimizer Optimizer { get; init; } = Optimizer.Adam;
}
