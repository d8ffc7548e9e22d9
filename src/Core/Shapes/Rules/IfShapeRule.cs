namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// If: both branches are inferred (both are costed). With a condition known before run time the outputs are
/// the taken branch's, values included; otherwise each output merges the two branches' types.
/// </summary>
internal sealed class IfShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "If" };

    public void Infer(ShapeContext context)
    {
        var then = context.InferSubgraph("then_branch", Array.Empty<TensorType?>());
        var otherwise = context.InferSubgraph("else_branch", Array.Empty<TensorType?>());
        if (then.Count != otherwise.Count || then.Count < context.OutputCount)
        {
            throw context.Invalid($"the branches have {then.Count} and {otherwise.Count} outputs for the node's {context.OutputCount}");
        }

        var condition = context.InputValue(0);
        for (int i = 0; i < context.OutputCount; i++)
        {
            if (condition is { Length: > 0 })
            {
                var taken = condition.IntegerAt(0) != 0 ? then[i] : otherwise[i];
                if (taken.Type is { } type)
                {
                    context.SetOutput(i, type, taken.Value);
                }
            }
            else if (ControlFlowTypes.Merge(context, then[i].Type, otherwise[i].Type, $"output {i}") is { } merged)
            {
                context.SetOutput(i, merged);
            }
        }
    }
}
