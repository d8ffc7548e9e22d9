namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// BatchNormalization at inference: the statistics, scale and bias fold into one multiply and one add
/// per element, which is what runtimes execute (2 FLOPs per element).
/// </summary>
internal sealed class BatchNormalizationCost : ICostRule
{
    private const int PerElement = 2;

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "BatchNormalization" };

    public OperatorCost Cost(CostContext context) => OperatorCost.Elementwise(checked(PerElement * context.OutputElements(0)));
}
