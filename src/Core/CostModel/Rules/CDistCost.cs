namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft CDist, in the direct form of ONNX Runtime's kernel: for each of the M · K pairs of rows and each
/// of the N coordinates a subtract and a multiply-add, so <c>M · K · N</c> MACs and <c>M · K · N</c> extra FLOPs;
/// the <c>euclidean</c> metric (SciPy's default, taken when <c>metric</c> is absent) adds one root per pair. Other
/// metrics are costed as <c>sqeuclidean</c>, the per-coordinate work of every metric being a few FLOPs.
/// </summary>
internal sealed class CDistCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "CDist" };

    public OperatorCost Cost(CostContext context)
    {
        var a = context.InputDims(0);
        var pairs = context.OutputElements(0);
        var macs = a.Length == 2 ? checked(pairs * a[1]) : 0;
        var roots = context.Attributes.GetString("metric", "euclidean") == "euclidean" ? pairs : 0;
        return OperatorCost.Linear(macs, checked(macs + roots));
    }
}
