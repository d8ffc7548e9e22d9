namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Global pooling reads every input element once: one compare or add each (two for GlobalLpPool's power
/// and add), plus one division (average) or root (Lp) per output element.
/// </summary>
internal sealed class GlobalPoolCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GlobalMaxPool", "GlobalAveragePool", "GlobalLpPool" };

    public OperatorCost Cost(CostContext context)
    {
        var input = context.InputElements(0);
        var output = context.OutputElements(0);
        return OperatorCost.Elementwise(context.Node.OpType switch
        {
            "GlobalMaxPool" => input,
            "GlobalAveragePool" => checked(input + output),
            _ => checked((2 * input) + output),
        });
    }
}
