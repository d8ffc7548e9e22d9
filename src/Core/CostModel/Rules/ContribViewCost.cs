namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The legacy com.microsoft operators that are views or constant generators, as their ONNX twins in
/// <see cref="ViewCost"/>: ExpandDims (an Unsqueeze) and Range.
/// </summary>
internal sealed class ContribViewCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "ExpandDims", "Range" };

    public OperatorCost Cost(CostContext context) => OperatorCost.View;
}
