using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// Computes the static indicators of a model: shape inference at the bindings, then one cost rule per node,
/// each node's cost multiplied by the times it runs inside If, Loop and Scan bodies (<see cref="ControlFlowWalk"/>).
/// </summary>
public static class StaticAnalyzer
{
    public static StaticReport Analyze(string modelPath, ShapeBindings? bindings = null) =>
        Analyze(OnnxModel.Load(modelPath), new AnalysisOptions { Bindings = bindings ?? ShapeBindings.None });

    public static StaticReport Analyze(string modelPath, AnalysisOptions options) => Analyze(OnnxModel.Load(modelPath), options);

    public static StaticReport Analyze(OnnxModel model, ShapeBindings? bindings = null) =>
        Analyze(model, new AnalysisOptions { Bindings = bindings ?? ShapeBindings.None });

    public static StaticReport Analyze(OnnxModel model, AnalysisOptions options, CostRuleRegistry? rules = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Generation is { } generation ? Generative(model, options, generation, rules) : Single(model, options, rules);
    }

    /// <summary>
    /// The prefill's report (the prompt into an empty cache) with the generation indicators added: the prefill's MACs,
    /// the MACs of the last decode step (one token after <c>prompt + new_tokens − 1</c> cached ones), the cache's bytes
    /// at the final length. Warnings of the decode step that the prefill did not give are kept too.
    /// </summary>
    private static StaticReport Generative(OnnxModel model, AnalysisOptions options, Generation generation, CostRuleRegistry? rules)
    {
        var prefill = Single(model, options with { Generation = null, Bindings = generation.Step(model, options.Bindings, generation.Prompt, 0) }, rules);
        var decode = Single(model, new AnalysisOptions
        {
            Bindings = generation.Step(model, options.Bindings, 1, generation.FinalLength - 1),
            Optimizer = options.Optimizer,
        }, rules);
        var indicators = prefill.Indicators.ToList();
        var at = indicators.FindIndex(i => i.Indicator == StaticIndicators.Flops) + 1;
        var added = new List<IndicatorValue>
        {
            IndicatorValue.OfCount(StaticIndicators.MacsPrefill, prefill.Count(StaticIndicators.Macs.Name)),
            IndicatorValue.OfCount(StaticIndicators.MacsPerToken, decode.Count(StaticIndicators.Macs.Name)),
        };
        if (CacheBytes(model, options, generation) is { } cache)
        {
            added.Add(IndicatorValue.OfCount(StaticIndicators.KvCache, cache));
        }

        indicators.InsertRange(at, added);
        var said = prefill.Diagnostics.Select(d => d.Message).ToHashSet(StringComparer.Ordinal);
        var diagnostics = prefill.Diagnostics.Concat(decode.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info && !said.Contains(d.Message))).ToList();
        return new StaticReport(prefill.ModelPath, indicators, prefill.Nodes, prefill.Coverage, diagnostics, prefill.Inputs, prefill.Optimizer);
    }

    private static long? CacheBytes(OnnxModel model, AnalysisOptions options, Generation generation)
    {
        try
        {
            return generation.CacheBytes(model, options.Bindings);
        }
        catch (OverflowException)
        {
            throw new EfficiencyException(ErrorCodes.CountOverflow,
                "the KV cache at the final length exceeds 2^63 bytes; check the generation's prompt and new_tokens.", new SourceLocation(model.Path));
        }
    }

    private static StaticReport Single(OnnxModel model, AnalysisOptions options, CostRuleRegistry? rules)
    {
        var types = ShapeInference.Run(model, options.Bindings);
        rules ??= CostRuleRegistry.Default;
        var diagnostics = new List<Diagnostic>(model.Warnings);
        diagnostics.AddRange(types.Warnings);

        var walk = new ControlFlowWalk(model, types, (node, graph) => CostNode(model, node, graph, types, rules, diagnostics), diagnostics);
        var nodes = walk.Run(model.Graph);
        var unknownOps = new SortedSet<string>(StringComparer.Ordinal);
        var unknownNodes = new List<string>();
        foreach (var cost in nodes.Where(n => !n.Costed))
        {
            unknownOps.Add(cost.OpType);
            unknownNodes.Add(cost.Name);
        }

        var parameters = ParameterCounter.Count(model);
        long macs = 0, flops = 0, activations = 0, activationsAll = 0, memory = 0;
        try
        {
            foreach (var n in nodes)
            {
                macs = checked(macs + n.Total(n.Macs));
                flops = checked(flops + n.Total(n.Flops));
                activations = checked(activations + n.Total(n.Activations));
                activationsAll = checked(activationsAll + n.Total(n.ActivationsAll));
                memory = checked(memory + n.Total(n.MemoryAccess));
            }
        }
        catch (OverflowException)
        {
            throw new EfficiencyException(ErrorCodes.CountOverflow,
                "a total indicator exceeds 2^63; the bindings make the model impossibly large.", new SourceLocation(model.Path));
        }

        var depth = walk.Depth(model.Graph);
        var activationMemory = ActivationLiveness.PeakBytes(model.Graph, types);
        long trainingFlops, trainingMemory;
        try
        {
            trainingFlops = TrainingCost.Flops(flops);
            trainingMemory = TrainingCost.Memory(parameters.Bytes, TrainingCost.StoredActivationBytes(nodes), options.Optimizer);
        }
        catch (OverflowException)
        {
            throw new EfficiencyException(ErrorCodes.CountOverflow,
                "a training estimate exceeds 2^63; the bindings make the model impossibly large.", new SourceLocation(model.Path));
        }

        var indicators = new List<IndicatorValue>
        {
            IndicatorValue.OfCount(StaticIndicators.Params, parameters.Params),
            IndicatorValue.OfCount(StaticIndicators.ParamUses, parameters.ParamUses),
            IndicatorValue.OfRatio(StaticIndicators.SharingFactor, parameters.SharingFactor),
            IndicatorValue.OfCount(StaticIndicators.EmbeddingParams, parameters.EmbeddingParams),
            IndicatorValue.OfCount(StaticIndicators.ModelSize, model.ModelSize),
            IndicatorValue.OfCount(StaticIndicators.Macs, macs),
            IndicatorValue.OfCount(StaticIndicators.Flops, flops),
            IndicatorValue.OfCount(StaticIndicators.Activations, activations),
            IndicatorValue.OfCount(StaticIndicators.ActivationsAll, activationsAll),
            IndicatorValue.OfCount(StaticIndicators.MemoryAccess, memory),
            IndicatorValue.OfRatio(StaticIndicators.ArithmeticIntensity, memory == 0 ? 0 : (double)flops / memory),
            IndicatorValue.OfCount(StaticIndicators.ActivationMemory, activationMemory),
            IndicatorValue.OfCount(StaticIndicators.Depth, depth),
            IndicatorValue.OfRatio(StaticIndicators.MacsPerStep, depth == 0 ? 0 : (double)macs / depth),
            IndicatorValue.OfCount(StaticIndicators.TrainingFlops, trainingFlops),
            IndicatorValue.OfCount(StaticIndicators.TrainingMemory, trainingMemory),
            IndicatorValue.OfCount(StaticIndicators.UnknownOps, unknownNodes.Count),
        };

        if (options.ComputeSparsity)
        {
            var after = indicators.FindIndex(i => i.Indicator == StaticIndicators.ModelSize) + 1;
            indicators.Insert(after, IndicatorValue.OfRatio(StaticIndicators.Sparsity, WeightSparsity.Measure(model, parameters.ParameterTensors)));
        }

        if (unknownOps.Count > 0)
        {
            diagnostics.Add(Diagnostic.Warning(ErrorCodes.UnknownOperator,
                $"{unknownNodes.Count} node(s) of operator(s) {NameList.Of(unknownOps)} have no cost rule; they are counted in unknown_ops, not costed.",
                new SourceLocation(model.Path)));
        }

        var coverage = new Coverage(nodes.Count, unknownOps.ToList(), unknownNodes, types.UninferredNodes.OrderBy(n => n, StringComparer.Ordinal).ToList());
        return new StaticReport(model.Path, indicators, nodes, coverage, diagnostics, types.Inputs, options.Optimizer);
    }

    private static NodeCost CostNode(OnnxModel model, Node node, OnnxGraph graph, InferredTypes types, CostRuleRegistry rules,
        List<Diagnostic> diagnostics)
    {
        var context = new CostContext(node, model.OpsetOf(node.Domain), types);
        var outputs = string.Join(", ", node.Outputs.Where(o => o.Length > 0).Select(o => types.TypeOf(o)?.ToString() ?? "?"));
        var rule = rules.Find(node.Domain, node.OpType);
        if (rule is null)
        {
            return new NodeCost(node.Name, node.QualifiedOpType, graph.Name, false, OperatorClass.Compute, 0, 0, 0, 0, 0, 0, outputs);
        }

        try
        {
            var cost = rule.Cost(context);
            if (cost.Class == OperatorClass.View)
            {
                return new NodeCost(node.Name, node.QualifiedOpType, graph.Name, true, cost.Class, cost.Macs, cost.Flops, 0, 0, 0, 0, outputs);
            }

            long read = 0, written = 0, produced = 0;
            for (int i = 0; i < node.Inputs.Count; i++)
            {
                if (context.InputType(i) is { } type)
                {
                    read = checked(read + type.ElementType.ByteSize(context.InputElements(i)));
                }
            }

            for (int i = 0; i < node.Outputs.Count; i++)
            {
                if (context.OutputType(i) is { } type)
                {
                    var elements = context.OutputElements(i);
                    produced = checked(produced + elements);
                    written = checked(written + type.ElementType.ByteSize(elements));
                }
            }

            var activations = cost.Class == OperatorClass.Linear ? context.OutputElements(0) : 0;
            return new NodeCost(node.Name, node.QualifiedOpType, graph.Name, true, cost.Class, cost.Macs, cost.Flops,
                activations, produced, read, written, outputs);
        }
        catch (OverflowException)
        {
            throw new EfficiencyException(ErrorCodes.DimensionOverflow,
                $"node '{UserText.Quote(node.Name)}' ({UserText.Quote(node.OpType)}): its sizes overflow 64 bits; check the bindings and the model's dims.",
                new SourceLocation(model.Path, Element: $"node '{UserText.Quote(node.Name)}'"));
        }
        catch (ArgumentException e)
        {
            // A rule rejects attributes it cannot read (a malformed Einsum equation): bad input, not a crash.
            throw new EfficiencyException(ErrorCodes.ShapeMismatch,
                $"node '{UserText.Quote(node.Name)}' ({UserText.Quote(node.OpType)}): attributes do not fit the operator ({UserText.Quote(e.Message, 1000)}).",
                new SourceLocation(model.Path, Element: $"node '{UserText.Quote(node.Name)}'"), e);
        }
    }
}
