namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft QLinearConv, channels first or last: the layout changes neither the products nor the bias, so it
/// costs as ONNX's QLinearConv (<see cref="ConvCost"/>), <c>out · prod(W.shape[1:])</c> MACs and 1 per output for
/// the int32 bias (input 8).
/// </summary>
internal sealed class ContribQLinearConvCost : ICostRule
{
    private static readonly ConvCost Conv = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "QLinearConv" };

    public OperatorCost Cost(CostContext context) => Conv.Cost(context);
}
