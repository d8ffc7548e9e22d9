using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>GatherND: indices.shape[:-1] + data.shape[batch_dims + m:], m being the indices' last dim.</summary>
internal sealed class GatherNDShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GatherND" };

    public void Infer(ShapeContext context)
    {
        var data = context.RequireShape(0);
        var indices = context.RequireShape(1);
        long batchDims = context.Attributes.GetInt("batch_dims", 0);
        if (indices.Rank == 0 || !indices[^1].IsKnown)
        {
            throw new ShapeInferenceException("the last dim of the indices is unknown");
        }

        long m = indices[^1].Value;
        if (batchDims < 0 || batchDims + m > data.Rank || batchDims >= indices.Rank)
        {
            throw context.Invalid($"indices {indices} with batch_dims {batchDims} do not fit data {data}");
        }

        var output = indices.Take(indices.Rank - 1).Concat(data.Skip((int)(batchDims + m)));
        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(output));
    }
}
