using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Loop: the body sees the iteration number (int64 scalar), the condition (bool scalar) and the N
/// loop-carried values at the types the node receives them. The node outputs the N final loop-carried
/// values (a dim the body changes becomes a symbol) and the K scan outputs stacked along a new leading
/// dim of the trip count (<see cref="LoopTripCount"/>; a symbol when unknown).
/// </summary>
internal sealed class LoopShapeRule : IShapeRule
{
    private const int FirstCarried = 2;

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Loop" };

    public void Infer(ShapeContext context)
    {
        var carried = Math.Max(0, context.InputCount - FirstCarried);
        var inputs = new List<TensorType?>
        {
            new TensorType(ElementType.Int64, TensorShape.Scalar),
            new TensorType(ElementType.Bool, TensorShape.Scalar),
        };
        inputs.AddRange(Enumerable.Range(FirstCarried, carried).Select(context.InputType));
        var body = context.InferSubgraph("body", inputs);
        if (body.Count < 1 + carried)
        {
            throw context.Invalid($"the body has {body.Count} outputs, fewer than the condition and {carried} loop-carried values");
        }

        var trips = LoopTripCount.Of(context.Node, context.Subgraph("body"), context.InputValue(0), context.InputValue(1), body[0].Value).Count;
        for (int i = 0; i < carried; i++)
        {
            var final = trips == 0 ? context.InputType(FirstCarried + i)
                : ControlFlowTypes.Merge(context, context.InputType(FirstCarried + i), body[1 + i].Type, $"carried {i}");
            if (final is not null)
            {
                context.SetOutput(i, final, trips == 0 ? context.InputValue(FirstCarried + i) : null);
            }
        }

        var count = trips is { } n ? Dim.Of(n) : context.NewDim("trip_count");
        for (int k = 0; carried + k < context.OutputCount && 1 + carried + k < body.Count; k++)
        {
            if (ControlFlowTypes.Stack(body[1 + carried + k].Type, _ => 0, count) is { } stacked)
            {
                context.SetOutput(carried + k, stacked);
            }
        }
    }
}
