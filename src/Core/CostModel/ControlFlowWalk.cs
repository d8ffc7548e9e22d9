using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// Costs a graph node by node and, after each control-flow node, the nodes of its bodies with the number of
/// times they run (<see cref="NodeCost.Repeats"/>): an If runs the branch its constant condition takes, or
/// else is charged its costlier branch (FLOPs, then MACs); a Loop runs its body once per trip, a Scan once per
/// step (and per batch element in the opset 8 form). A branch that never runs or cannot be typed is not costed. Nested constructs multiply. When the count is not known
/// before run time the body is costed once and a warning (EM1207) names the node. The nodes of the other
/// operators with graph attributes are costed once each, as before.
/// </summary>
internal sealed class ControlFlowWalk
{
    private readonly OnnxModel model;
    private readonly InferredTypes types;
    private readonly Func<Node, OnnxGraph, NodeCost> costNode;
    private readonly List<Diagnostic> diagnostics;
    private readonly Dictionary<Node, NodeCost> costOf = new();

    /// <summary>Sequential steps of each control-flow node: its body's depth times its trip count or sequence length.</summary>
    private readonly Dictionary<Node, long> steps = new();

    public ControlFlowWalk(OnnxModel model, InferredTypes types, Func<Node, OnnxGraph, NodeCost> costNode, List<Diagnostic> diagnostics)
    {
        this.model = model;
        this.types = types;
        this.costNode = costNode;
        this.diagnostics = diagnostics;
    }

    /// <summary>The costs of the main graph's nodes and of every subgraph's, with the times each runs per inference.</summary>
    public List<NodeCost> Run(OnnxGraph graph) => Checked(() => Walk(graph));

    /// <summary>The sequential depth of the main graph, control-flow nodes counting their bodies' steps.</summary>
    public long Depth(OnnxGraph graph) => Checked(() => SequentialDepth.Measure(graph, costOf, steps));

    /// <summary>The costs of <paramref name="graph"/>'s nodes, each subgraph's nodes after their owner, repeats relative to one run of the graph.</summary>
    private List<NodeCost> Walk(OnnxGraph graph)
    {
        var costs = new List<NodeCost>();
        foreach (var node in graph.Nodes)
        {
            var own = costNode(node, graph);
            costOf[node] = own;
            var at = costs.Count;
            costs.Add(own);
            if (node.Subgraphs.Count == 0)
            {
                continue;
            }

            costs[at] = (node.IsDefaultDomain ? node.OpType : "") switch
            {
                "If" when node.Subgraphs.ContainsKey("then_branch") && node.Subgraphs.ContainsKey("else_branch") => If(node, own, costs),
                "Loop" when node.Subgraphs.TryGetValue("body", out var body) => Loop(node, own, body, costs),
                "Scan" when node.Subgraphs.TryGetValue("body", out var body) => Scan(node, own, body, costs),
                _ => Once(node, own, costs),
            };
            costOf[node] = costs[at];
        }

        return costs;
    }

    private NodeCost If(Node node, NodeCost own, List<NodeCost> costs)
    {
        var thenGraph = node.Subgraphs["then_branch"];
        var elseGraph = node.Subgraphs["else_branch"];
        bool thenRuns = !types.SkippedGraphs.Contains(thenGraph), elseRuns = !types.SkippedGraphs.Contains(elseGraph);
        var then = thenRuns ? Walk(thenGraph) : new List<NodeCost>();
        var otherwise = elseRuns ? Walk(elseGraph) : new List<NodeCost>();
        bool takeThen;
        string reason;
        var (thenFlops, thenMacs) = Totals(then);
        var (elseFlops, elseMacs) = Totals(otherwise);
        if (node.HasInput(0) && types.ValueOf(node.Inputs[0]) is { Length: > 0 } condition)
        {
            takeThen = condition.IntegerAt(0) != 0;
            reason = "constant condition";
            diagnostics.Add(Diagnostic.Info(ErrorCodes.BranchCosted,
                $"If node '{UserText.Quote(node.Name)}': the condition is constant {(takeThen ? "true" : "false")} (a constant, or computed from declared input values): "
                + $"{(takeThen ? "then_branch" : "else_branch")} is costed, the other branch never runs.",
                Locate(node)));
        }
        else if (!thenRuns || !elseRuns)
        {
            // The branch that cannot be typed was reported by shape inference (EM1210).
            takeThen = thenRuns;
            reason = "the only branch that types";
        }
        else
        {
            takeThen = (thenFlops, thenMacs).CompareTo((elseFlops, elseMacs)) >= 0;
            reason = "costlier";
            var advice = node.HasInput(0) ? " " + DecidingInputs.OfCondition(model, node.Inputs[0], types.TypeOf) : "";
            diagnostics.Add(Diagnostic.Warning(ErrorCodes.BranchCosted,
                $"If node '{UserText.Quote(node.Name)}': its condition '{UserText.Quote(node.HasInput(0) ? node.Inputs[0] : "")}' is known only at run time: "
                + $"the costlier branch, {(takeThen ? "then_branch" : "else_branch")}, is costed "
                + $"(then_branch {thenFlops} FLOPs, {thenMacs} MACs; else_branch {elseFlops} FLOPs, {elseMacs} MACs), so the totals are upper bounds.{advice}",
                Locate(node)));
        }

        costs.AddRange(takeThen ? then : then.Select(c => c.Times(0)));
        costs.AddRange(takeThen ? otherwise.Select(c => c.Times(0)) : otherwise);
        var branch = takeThen ? "then_branch" : "else_branch";
        steps[node] = SequentialDepth.Measure(node.Subgraphs[branch], costOf, steps);
        return own with { Branch = $"{branch} ({reason})" };
    }

    private NodeCost Loop(Node node, NodeCost own, OnnxGraph body, List<NodeCost> costs)
    {
        var maxTrips = ValueOf(node, 0);
        var trips = LoopTripCount.Of(node, body, maxTrips, ValueOf(node, 1),
            body.Outputs.Count > 0 ? types.ValueOf(body.Outputs[0].Name) : null);
        switch (trips.Bound)
        {
            case LoopBound.Unknown:
                Warn(node, ErrorCodes.IterationCountUnknown, $"{UnknownTrips(node, maxTrips)}; its body is costed for 1 iteration, the bound used, "
                    + "so the totals are lower bounds. A constant M costs every iteration");
                break;
            case LoopBound.AtMost:
                Warn(node, ErrorCodes.IterationCountAtMost, $"its condition is computed at run time and may end it before its maximum trip count M; "
                    + $"its body is costed for M = {trips.Count} iterations, the bound used, so the totals are upper bounds");
                break;
        }

        var runs = trips.Count ?? 1;
        return Repeat(node, own, body, runs, runs, costs, $"{runs} times (its trip count)");
    }

    /// <summary>Why a Loop has no bound: M absent, computed at run time, or the "no limit" value.</summary>
    private static string UnknownTrips(Node node, TensorValue? maxTrips) =>
        !node.HasInput(0) ? "it has no maximum trip count M and no constant condition bounds it"
        : maxTrips is { Length: > 0 } m ? $"its maximum trip count M is {m.IntegerAt(0)} (2^63 − 1, exporters' \"no limit\") and no constant condition bounds it"
        : "its maximum trip count M is computed at run time and no constant condition bounds it";

    private NodeCost Scan(Node node, NodeCost own, OnnxGraph body, List<NodeCost> costs)
    {
        var layout = ScanLayout.Of(node, model.OpsetOf(node.Domain));
        TensorShape? ShapeOf(int input) => node.HasInput(input) ? types.TypeOf(node.Inputs[input])?.Shape : null;
        var length = layout?.Steps(ShapeOf);
        var batch = layout?.Batch(ShapeOf);
        if (length is not { IsKnown: true } || batch is not { IsKnown: true })
        {
            var unknown = length is { IsKnown: true } ? "its batch size is unknown"
                : length is { } dim ? $"dim '{dim}' of its first scan input is unknown" : "no scan input has a known rank";
            Warn(node, ErrorCodes.IterationCountUnknown, $"its number of steps is not known before run time ({unknown}); "
                + "its body is costed for 1 step, the bound used, so the totals are lower bounds. Binding the dim costs every step");
            return Repeat(node, own, body, 1, length is { IsKnown: true } l ? l.Value : 1, costs, "once");
        }

        var sequence = length.Value.Value;
        var perBatch = batch.Value.Value;
        return perBatch == 1
            ? Repeat(node, own, body, sequence, sequence, costs, $"{sequence} times (its sequence length)")
            : Repeat(node, own, body, Multiply(node, sequence, perBatch), sequence, costs, $"{sequence} × {perBatch} times (sequence length × batch)");
    }

    /// <summary>
    /// Adds the body's nodes run <paramref name="runs"/> times; sequential steps count only <paramref name="sequential"/> of
    /// them (batch elements run side by side). Every indicator of the body times the runs is checked here, so that a count
    /// beyond 2^63 names the construct that multiplies it (<paramref name="times"/> says how often it runs its body).
    /// </summary>
    private NodeCost Repeat(Node node, NodeCost own, OnnxGraph body, long runs, long sequential, List<NodeCost> costs, string times)
    {
        var repeated = Walk(body);
        try
        {
            repeated = repeated.Select(c => c.Times(runs)).ToList();
            foreach (var total in Indicators)
            {
                _ = repeated.Aggregate(0L, (sum, c) => checked(sum + c.Total(total(c))));
            }

            steps[node] = checked(sequential * SequentialDepth.Measure(body, costOf, steps));
        }
        catch (OverflowException)
        {
            throw new EfficiencyException(ErrorCodes.CountOverflow,
                $"{UserText.Quote(node.OpType)} node '{UserText.Quote(node.Name)}' runs its body {times}: its body's costs or depth times that exceed 2^63, "
                + "more than any indicator can count; check its trip count and the bindings.",
                Locate(node));
        }

        costs.AddRange(repeated);
        return own;
    }

    /// <summary>The per-run amounts a repeat multiplies: macs, flops, activations, activations_all, memory_access.</summary>
    private static readonly Func<NodeCost, long>[] Indicators =
    {
        c => c.Macs, c => c.Flops, c => c.Activations, c => c.ActivationsAll, c => c.MemoryAccess,
    };

    private long Multiply(Node node, long steps, long batch)
    {
        try
        {
            return checked(steps * batch);
        }
        catch (OverflowException)
        {
            throw new EfficiencyException(ErrorCodes.CountOverflow,
                $"{UserText.Quote(node.OpType)} node '{UserText.Quote(node.Name)}' runs its body {steps} × {batch} times (sequence length × batch), beyond 2^63.",
                Locate(node));
        }
    }

    private NodeCost Once(Node node, NodeCost own, List<NodeCost> costs)
    {
        foreach (var subgraph in node.Subgraphs.Values)
        {
            costs.AddRange(Walk(subgraph));
        }

        return own;
    }

    private T Checked<T>(Func<T> count)
    {
        try
        {
            return count();
        }
        catch (OverflowException)
        {
            throw new EfficiencyException(ErrorCodes.CountOverflow,
                "the trip counts of nested loops make a repeat count or the depth exceed 2^63; check the trip counts and bindings.",
                new SourceLocation(model.Path));
        }
    }

    private static (long Flops, long Macs) Totals(List<NodeCost> costs) =>
        costs.Aggregate((0L, 0L), (sum, c) => (checked(sum.Item1 + c.Total(c.Flops)), checked(sum.Item2 + c.Total(c.Macs))));

    private TensorValue? ValueOf(Node node, int input) => node.HasInput(input) ? types.ValueOf(node.Inputs[input]) : null;

    private void Warn(Node node, string code, string message) =>
        diagnostics.Add(Diagnostic.Warning(code, $"{UserText.Quote(node.OpType)} node '{UserText.Quote(node.Name)}': {message}.", Locate(node)));

    private SourceLocation Locate(Node node) => new(model.Path, Element: $"node '{UserText.Quote(node.Name)}'");
}
