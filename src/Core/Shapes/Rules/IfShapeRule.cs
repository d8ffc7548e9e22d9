using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// If: with a condition known before run time (a constant, or computed from an input the spec declares a value for)
/// only the branch it takes is inferred and costed; the other never runs and is left out. Otherwise both branches are
/// inferred and each output merges their types; a branch that cannot be typed at these bindings is left out with a
/// warning (<see cref="ErrorCodes.BranchNotTyped"/>) naming the inputs that decide the condition, and the node is
/// refused only when neither branch types.
/// </summary>
internal sealed class IfShapeRule : IShapeRule
{
    private const string Then = "then_branch";
    private const string Else = "else_branch";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "If" };

    public void Infer(ShapeContext context)
    {
        if (context.InputValue(0) is { Length: > 0 } condition)
        {
            var (taken, never) = condition.IntegerAt(0) != 0 ? (Then, Else) : (Else, Then);
            _ = context.Subgraph(never); // both branches must exist, taken or not
            context.SkipSubgraph(never);
            var outputs = context.InferSubgraph(taken, Array.Empty<TensorType?>());
            if (outputs.Count < context.OutputCount)
            {
                throw context.Invalid($"the {taken} has {outputs.Count} outputs for the node's {context.OutputCount}");
            }

            for (int i = 0; i < context.OutputCount; i++)
            {
                if (outputs[i].Type is { } type)
                {
                    context.SetOutput(i, type, outputs[i].Value);
                }
            }

            return;
        }

        var then = TryInfer(context, Then, out var thenFailure);
        var otherwise = TryInfer(context, Else, out var elseFailure);
        if (then is null && otherwise is null)
        {
            throw new EfficiencyException(thenFailure!.Code,
                $"{thenFailure.Message} Neither branch of If node '{UserText.Quote(context.Node.Name)}' can be typed at these bindings "
                + $"(else_branch: {UserText.Quote(elseFailure!.Message, 500)}).{Advice(context)}",
                thenFailure.Location, thenFailure);
        }

        if (then is null || otherwise is null)
        {
            var (failed, failure, kept) = then is null ? (Then, thenFailure!, Else) : (Else, elseFailure!, Then);
            context.Warn(ErrorCodes.BranchNotTyped,
                $"If node '{UserText.Quote(context.Node.Name)}': its {failed} cannot be typed at these bindings ({UserText.Quote(failure.Message, 500)}); "
                + $"only its {kept} is costed.{Advice(context)}");
            var outputs = then ?? otherwise!;
            for (int i = 0; i < context.OutputCount && i < outputs.Count; i++)
            {
                if (outputs[i].Type is { } type)
                {
                    context.SetOutput(i, type, outputs[i].Value);
                }
            }

            return;
        }

        if (then.Count != otherwise.Count || then.Count < context.OutputCount)
        {
            throw context.Invalid($"the branches have {then.Count} and {otherwise.Count} outputs for the node's {context.OutputCount}");
        }

        for (int i = 0; i < context.OutputCount; i++)
        {
            if (ControlFlowTypes.Merge(context, then[i].Type, otherwise[i].Type, $"output {i}") is { } merged)
            {
                context.SetOutput(i, merged);
            }
        }
    }

    /// <summary>The branch's outputs, or null (the branch left out) when its nodes contradict their operators at these bindings.</summary>
    private static IReadOnlyList<SubgraphOutput>? TryInfer(ShapeContext context, string branch, out EfficiencyException? failure)
    {
        failure = null;
        try
        {
            return context.InferSubgraph(branch, Array.Empty<TensorType?>());
        }
        catch (EfficiencyException e) when (e.Code == ErrorCodes.ShapeMismatch)
        {
            failure = e;
            context.SkipSubgraph(branch);
            return null;
        }
    }

    /// <summary>What decides the condition: inputs a spec can declare, or data only a run knows.</summary>
    private static string Advice(ShapeContext context) =>
        context.HasInput(0) ? " " + DecidingInputs.OfCondition(context.Model, context.Node.Inputs[0], context.TypeOf) : "";
}
