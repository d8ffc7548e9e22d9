using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// Infers the type of every value of a model at the user's bindings, propagating the values of small
/// integer tensors (Shape, Gather, Concat, ...) so that reshapes computed at run time get concrete shapes.
/// </summary>
public sealed class ShapeInference
{
    private readonly OnnxModel model;
    private readonly ShapeRuleRegistry rules;
    private readonly Dictionary<string, TensorType> types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TensorValue> values = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> warnings = new();
    private readonly HashSet<string> uninferred = new(StringComparer.Ordinal);
    private readonly HashSet<OnnxGraph> inferredGraphs = new();
    private readonly HashSet<OnnxGraph> skipped = new();
    private readonly Dictionary<OnnxGraph, Dictionary<string, ValueInfo>> declaredOutputs = new();
    private int symbols;

    private ShapeInference(OnnxModel model, ShapeRuleRegistry rules)
    {
        this.model = model;
        this.rules = rules;
    }

    /// <summary>Runs inference over the main graph and every subgraph.</summary>
    public static InferredTypes Run(OnnxModel model, ShapeBindings bindings, ShapeRuleRegistry? rules = null)
    {
        var engine = new ShapeInference(model, rules ?? ShapeRuleRegistry.Default);
        var inputs = InputBinder.Bind(model, bindings, engine.warnings);
        foreach (var (name, type) in inputs.Types)
        {
            engine.Record(name, type, inputs.Values.GetValueOrDefault(name));
        }

        engine.InferGraph(model.Graph);
        return new InferredTypes(engine.types, engine.values, engine.warnings, engine.uninferred, inputs.Types) { SkippedGraphs = engine.skipped };
    }

    internal TensorType? TypeOf(string name) => types.TryGetValue(name, out var type) ? type : null;

    internal TensorValue? ValueOf(string name) => values.TryGetValue(name, out var value) ? value : null;

    internal void Record(string name, TensorType type, TensorValue? value)
    {
        types[name] = type;
        if (value is not null && value.Length <= TensorValue.MaxElements)
        {
            values[name] = value;
        }
    }

    /// <summary>
    /// Leaves a body out: an If branch its known condition never takes, or one that cannot be typed at these bindings.
    /// It is neither inferred later nor costed.
    /// </summary>
    internal void Skip(OnnxGraph graph)
    {
        inferredGraphs.Add(graph);
        skipped.Add(graph);
    }

    internal OnnxModel Model => model;

    internal Dim NewSymbol(string hint) => Dim.Unknown($"{hint}#{++symbols}");

    internal void Warn(Diagnostic diagnostic) => warnings.Add(diagnostic);

    /// <summary>Subgraph inputs (Loop and Scan bodies) are typed by the rule of their owner before this runs.</summary>
    internal void InferGraph(OnnxGraph graph)
    {
        inferredGraphs.Add(graph);
        foreach (var (name, tensor) in graph.Initializers)
        {
            Record(name, tensor.Type, tensor.Value);
        }

        foreach (var input in graph.Inputs)
        {
            if (!types.ContainsKey(input.Name) && input.Type is not null)
            {
                types[input.Name] = input.Type;
            }
        }

        foreach (var node in graph.Nodes)
        {
            InferNode(node, graph);
        }
    }

    private void InferNode(Node node, OnnxGraph graph)
    {
        var location = new SourceLocation(model.Path, Element: $"node '{UserText.Quote(node.Name)}'");
        var context = new ShapeContext(this, node, model.OpsetOf(node.Domain), location);
        var rule = rules.Find(node.Domain, node.OpType);
        if (rule is not null)
        {
            try
            {
                rule.Infer(context);
            }
            catch (ShapeInferenceException failure)
            {
                uninferred.Add(node.Name);
                warnings.Add(Diagnostic.Warning(ErrorCodes.ShapeNotInferred,
                    $"shapes of {UserText.Quote(node.OpType)} node '{UserText.Quote(node.Name)}' not inferred: {UserText.Quote(failure.Message, 1000)}.", location));
            }
            catch (OverflowException)
            {
                throw new EfficiencyException(ErrorCodes.DimensionOverflow,
                    $"node '{UserText.Quote(node.Name)}' ({UserText.Quote(node.OpType)}): a dimension or element count overflows 64 bits; check the bindings and the model's dims.",
                    location);
            }
            catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException or DivideByZeroException)
            {
                throw new EfficiencyException(ErrorCodes.ShapeMismatch,
                    $"node '{UserText.Quote(node.Name)}' ({UserText.Quote(node.OpType)}): inputs do not fit the operator ({UserText.Quote(e.Message, 1000)}).", location, e);
            }
        }
        else
        {
            uninferred.Add(node.Name);
        }

        // Fall back on the types the file declares (value_info, graph outputs) for what no rule produced.
        foreach (var output in node.Outputs)
        {
            if (output.Length > 0 && !types.ContainsKey(output) && Declared(graph, output) is { } declared)
            {
                types[output] = declared;
            }
        }

        // Bodies that no rule typed (an operator without a rule, or a control-flow rule that gave up) are
        // still inferred, from the types they declare, so their nodes can be costed.
        foreach (var subgraph in node.Subgraphs.Values)
        {
            if (!inferredGraphs.Contains(subgraph))
            {
                InferGraph(subgraph);
            }
        }
    }

    private TensorType? Declared(OnnxGraph graph, string name)
    {
        if (graph.DeclaredTypes.TryGetValue(name, out var info) && info.Type is not null)
        {
            return info.Type;
        }

        if (!declaredOutputs.TryGetValue(graph, out var outputs))
        {
            // A lookup per graph, not a scan per value: a graph may have as many outputs as nodes.
            outputs = new Dictionary<string, ValueInfo>(StringComparer.Ordinal);
            foreach (var output in graph.Outputs)
            {
                outputs.TryAdd(output.Name, output);
            }

            declaredOutputs[graph] = outputs;
        }

        return outputs.TryGetValue(name, out var declared) ? declared.Type : null;
    }

    /// <summary>
    /// Lets control-flow rules infer a body graph once they have typed its inputs; an input typed null keeps
    /// the type the body declares. Only types are given: a body input's value changes from one iteration
    /// to the next, so none is propagated into the body.
    /// </summary>
    internal void InferSubgraph(OnnxGraph graph, IReadOnlyList<TensorType?> inputTypes)
    {
        for (int i = 0; i < graph.Inputs.Count && i < inputTypes.Count; i++)
        {
            if (inputTypes[i] is { } type)
            {
                types[graph.Inputs[i].Name] = type;
            }
        }

        InferGraph(graph);
    }
}
