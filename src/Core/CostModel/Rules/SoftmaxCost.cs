namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Softmax family, per element: the numerically stable Softmax takes a running max, subtracts it,
/// exponentiates, sums and divides (5); LogSoftmax replaces the division by a subtraction of the
/// row's log-sum (5, the per-row log neglected); Hardmax is an arg-max scan (1).
/// </summary>
internal sealed class SoftmaxCost : ICostRule
{
    /// <summary>FLOPs per element of the numerically stable Softmax.</summary>
    public const int Softmax = 5;
    private const int Hardmax = 1;

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Softmax", "LogSoftmax", "Hardmax" };

    public OperatorCost Cost(CostContext context) =>
        OperatorCost.Elementwise(checked((context.Node.OpType == "Hardmax" ? Hardmax : Softmax) * context.OutputElements(0)));
}
