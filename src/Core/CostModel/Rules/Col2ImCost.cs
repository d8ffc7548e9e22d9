namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Col2Im sums every element of its columns into the image position it came from: one addition per input element
/// (positions that overlap accumulate; the image starts at zero, which is not counted).
/// </summary>
internal sealed class Col2ImCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Col2Im" };

    public OperatorCost Cost(CostContext context) => OperatorCost.Elementwise(context.InputElements(0));
}
