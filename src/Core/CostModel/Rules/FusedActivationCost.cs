namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft elementwise fusions, per output element: Gelu is the erf form (5, as the ONNX Gelu);
/// FastGelu the tanh form (9) plus 1 for its optional bias; BiasGelu a bias add then the erf form (6);
/// QuickGelu <c>x · sigmoid(α·x)</c>, ONNX's Swish (multiply, sigmoid 4, multiply = 6); BiasAdd <c>x + bias + skip</c> (2);
/// BiasSoftmax a bias add then Softmax (1 + 5); BiasDropout <c>dropout(x + bias) + residual</c>, the dropout an
/// identity at inference (1, plus 1 with a residual).
/// </summary>
internal sealed class FusedActivationCost : ICostRule
{
    private const int GeluErf = 5;
    private const int GeluTanh = 9;
    private const int Softmax = 5;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Gelu", "FastGelu", "BiasGelu", "QuickGelu", "BiasAdd", "BiasSoftmax", "BiasDropout" };

    public OperatorCost Cost(CostContext context)
    {
        var perElement = context.Node.OpType switch
        {
            "Gelu" => GeluErf,
            "FastGelu" => GeluTanh + (context.HasInput(1) ? 1 : 0),
            "BiasGelu" => 1 + GeluErf,
            "QuickGelu" => ActivationCost.FlopsPerElement("Swish"),
            "BiasSoftmax" => 1 + Softmax,
            "BiasDropout" => 1 + (context.HasInput(2) ? 1 : 0),
            _ => 2,
        };
        return OperatorCost.Elementwise(checked(perElement * context.OutputElements(0)));
    }
}
