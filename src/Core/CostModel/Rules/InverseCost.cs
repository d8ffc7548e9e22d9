namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft Inverse, by the convention of Gauss–Jordan elimination: <c>n³</c> multiply-adds per n × n matrix
/// (each of the n pivot steps updates the n × n augmented block), so <c>batch · n³</c> MACs, <c>in · n</c>.
/// </summary>
internal sealed class InverseCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Inverse" };

    public OperatorCost Cost(CostContext context)
    {
        var x = context.InputDims(0);
        return x.Length < 2 ? OperatorCost.Linear(0) : OperatorCost.Linear(checked(context.InputElements(0) * x[^1]));
    }
}
