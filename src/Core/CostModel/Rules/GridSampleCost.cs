namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft GridSample: interpolation as <see cref="ResizeCost"/> counts it over the two spatial dims, per
/// output element bilinear 4 and bicubic 16 neighbours weighed, nearest a copy (0); plus unnormalizing each grid
/// coordinate from [-1, 1] to a pixel position, a multiply and an add (2 per element of Grid), done once per
/// location for all channels. The <c>padding_mode</c> handling of out-of-range locations is not counted.
/// </summary>
internal sealed class GridSampleCost : ICostRule
{
    private const int SpatialDims = 2;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GridSample" };

    public OperatorCost Cost(CostContext context)
    {
        var neighboursPerDim = context.Attributes.GetString("mode", "bilinear") switch
        {
            "bilinear" => 2,
            "bicubic" => 4,
            _ => 0,
        };
        var interpolation = neighboursPerDim == 0 ? 0 : ResizeCost.Interpolation(neighboursPerDim, SpatialDims, context.OutputElements(0));
        return OperatorCost.Elementwise(checked(interpolation + (2 * context.InputElements(1))));
    }
}
