namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Local response normalization, per element: the sum of <c>size</c> neighbouring squares, the
/// element's own square, then scale by alpha/size, add bias, raise to beta and divide: <c>size + 5</c>.
/// </summary>
internal sealed class LrnCost : ICostRule
{
    private const int PerElementBeyondWindow = 5;

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "LRN" };

    public OperatorCost Cost(CostContext context)
    {
        var size = context.Attributes.GetInt("size", 1);
        return OperatorCost.Elementwise(checked((size + PerElementBeyondWindow) * context.OutputElements(0)));
    }
}
