namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// GridSample (com.microsoft, and ONNX's from opset 16): interpolation as <see cref="ResizeCost"/> counts it over the
/// spatial dims (two, or any number from ONNX opset 20), per output element (bi)linear 2 and (bi)cubic 4 neighbours
/// per dim weighed, nearest a copy (0); plus unnormalizing each grid coordinate from [-1, 1] to a position, a multiply
/// and an add (2 per element of Grid), done once per location for all channels. The <c>padding_mode</c> handling of
/// out-of-range locations is not counted.
/// </summary>
internal class GridSampleCost : ICostRule
{
    public virtual string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GridSample" };

    public OperatorCost Cost(CostContext context)
    {
        var neighboursPerDim = context.Attributes.GetString("mode", "bilinear") switch
        {
            "bilinear" or "linear" => 2,
            "bicubic" or "cubic" => 4,
            _ => 0,
        };
        var spatialDims = Math.Max(context.OutputDims(0).Length - 2, 0);
        var interpolation = neighboursPerDim == 0 ? 0 : ResizeCost.Interpolation(neighboursPerDim, spatialDims, context.OutputElements(0));
        return OperatorCost.Elementwise(checked(interpolation + (2 * context.InputElements(1))));
    }
}

/// <summary>ONNX GridSample, costed as the contrib operator it standardised.</summary>
internal sealed class OnnxGridSampleCost : GridSampleCost
{
    public override string Domain => string.Empty;
}
