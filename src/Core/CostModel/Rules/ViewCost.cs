namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Views and metadata: reshapes that reinterpret the same buffer, Identity and inference-time Dropout,
/// shape queries, and constant generators whose values do not depend on the model's inputs' data
/// (runtimes fold them before the first run). No arithmetic, no traffic, no activations.
/// </summary>
internal sealed class ViewCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[]
    {
        "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity", "Dropout", "Shape", "Size",
        "Constant", "ConstantOfShape", "Range", "EyeLike", "HannWindow", "HammingWindow", "BlackmanWindow", "MelWeightMatrix",
    };

    public OperatorCost Cost(CostContext context) => OperatorCost.View;
}
