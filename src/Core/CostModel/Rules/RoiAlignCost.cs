namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// RoiAlign: each output element pools the samples of its bin, each a bilinear read of 4 neighbours (4, as Resize
/// and GridSample weigh them) and an accumulation (the avg add or the max compare), so <c>out · samples · 5</c>.
/// A bin holds <c>sampling_ratio²</c> samples; with the adaptive default (0) their number follows the region's
/// size, known only at run time, and is bounded as MaxRoiPool's by a region covering the whole map.
/// </summary>
internal sealed class RoiAlignCost : ICostRule
{
    private const int PerSample = 4 + 1;

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RoiAlign" };

    public OperatorCost Cost(CostContext context)
    {
        var x = context.InputDims(0);
        long height = context.Attributes.GetInt("output_height", 1);
        long width = context.Attributes.GetInt("output_width", 1);
        long ratio = context.Attributes.GetInt("sampling_ratio", 0);
        if (x.Length != 4 || height <= 0 || width <= 0)
        {
            return OperatorCost.Elementwise(0);
        }

        var samples = ratio > 0 ? checked(ratio * ratio) : RoiPoolCost.LargestBin(x, height, width);
        return OperatorCost.Elementwise(checked(PerSample * samples * context.OutputElements(0)));
    }
}
