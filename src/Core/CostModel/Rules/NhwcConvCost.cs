namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft NhwcConv and NhwcFusedConv, ONNX Runtime's channels-last Conv and FusedConv: the layout changes
/// neither the products nor the bias, so NhwcConv costs as <see cref="ConvCost"/> and NhwcFusedConv as
/// <see cref="FusedConvCost"/>. Either weight layout holds <c>M · C/group · prod(kernel)</c> elements, so
/// <c>out · prod(W.shape[1:])</c> is the MAC count for both.
/// </summary>
internal sealed class NhwcConvCost : ICostRule
{
    private static readonly ConvCost Conv = new();
    private static readonly FusedConvCost FusedConv = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "NhwcConv", "NhwcFusedConv" };

    public OperatorCost Cost(CostContext context) =>
        context.Node.OpType == "NhwcFusedConv" ? FusedConv.Cost(context) : Conv.Cost(context);
}
