namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Broadcasting arithmetic, comparison and logic: one FLOP per output element and operand pair, so a
/// binary operator costs its output elements and a variadic Sum, Max or Min of n inputs
/// <c>(n − 1) × output</c>. Mean adds one division per output element; Where one select.
/// </summary>
internal sealed class ElementwiseCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[]
    {
        "Add", "Sub", "Mul", "Div", "Pow", "Mod", "Max", "Min", "Sum", "Mean",
        "Equal", "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "And", "Or", "Xor",
        "BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "Where",
    };

    public OperatorCost Cost(CostContext context)
    {
        var output = context.OutputElements(0);
        var operands = Enumerable.Range(0, context.Node.Inputs.Count).Count(context.HasInput);
        var perElement = context.Node.OpType switch
        {
            "Where" => 1,
            "Mean" => operands,
            _ => Math.Max(operands - 1, 0),
        };
        return OperatorCost.Elementwise(checked(perElement * output));
    }
}
