using System.Globalization;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Runtime.Inputs;

/// <summary>
/// Chooses what each input of a measurement holds. A value, range or file the spec declares wins. Otherwise the input is
/// filled as a real call would have it: integer inputs that index a table (<c>Gather</c>, <c>GatherBlockQuantized</c>,
/// <c>EmbedLayerNormalization</c>, through casts and reshapes) get ids within its rows, masks are ones, token type ids
/// zeros, position ids 0, 1, ...; other integers take the token range of <see cref="InputOptions"/>, floats [-1, 1).
/// Every choice carries its reason, for the report of which inputs were synthesised and how.
/// </summary>
internal static class InputPlanner
{
    /// <summary>Operators that pass integer ids through unchanged in value (shape changes only).</summary>
    private static readonly HashSet<string> PassThrough = new(StringComparer.Ordinal)
    {
        "Cast", "Reshape", "Unsqueeze", "Squeeze", "Flatten", "Identity", "Expand", "Slice", "Transpose", "Tile",
    };

    public static IReadOnlyDictionary<string, InputFill> Plan(OnnxModel model, InferredTypes types, ShapeBindings bindings, InputOptions options)
    {
        var consumers = new Dictionary<string, List<Node>>(StringComparer.Ordinal);
        foreach (var (node, _) in model.Graph.AllNodes())
        {
            foreach (var input in node.Inputs.Where(i => i.Length > 0).Distinct(StringComparer.Ordinal))
            {
                if (!consumers.TryGetValue(input, out var list))
                {
                    consumers[input] = list = new List<Node>();
                }

                list.Add(node);
            }
        }

        var plan = new Dictionary<string, InputFill>(StringComparer.Ordinal);
        foreach (var (name, type) in types.Inputs)
        {
            plan[name] = bindings.Fills.TryGetValue(name, out var declared) ? declared : Synthesise(name, type, types, consumers, options);
        }

        return plan;
    }

    /// <summary>The fill of an input known only by its name and type (no graph to find the table it indexes).</summary>
    public static InputFill ByName(string name, TensorType type, InputOptions options) =>
        Synthesise(name, type, null, new Dictionary<string, List<Node>>(), options);

    private static InputFill Synthesise(string name, TensorType type, InferredTypes? types, Dictionary<string, List<Node>> consumers, InputOptions options)
    {
        var role = InputRoles.Of(name);
        if (type.ElementType == ElementType.Bool)
        {
            return role == InputRole.Mask ? InputFill.Constant(1, "a mask: no padding") : InputFill.Random("random booleans");
        }

        if (!IsIndexType(type.ElementType))
        {
            return InputFill.Random(type.ElementType == ElementType.UInt8 ? "random bytes" : "random values in [-1, 1)");
        }

        switch (role)
        {
            case InputRole.Mask:
                return InputFill.Constant(1, "a mask: no padding");
            case InputRole.TokenType:
                return InputFill.Constant(0, "token type ids: one segment");
            case InputRole.Positions:
                return new InputFill(InputFillKind.Positions, Origin: "position ids");
        }

        if (types is not null && Table(name, types, consumers) is { } table)
        {
            return InputFill.Between(0, table.Rows - 1, string.Create(CultureInfo.InvariantCulture,
                $"ids within the {table.Rows} rows of '{Diagnostics.UserText.Quote(table.Data)}', which {Diagnostics.UserText.Quote(table.OpType)} node '{Diagnostics.UserText.Quote(table.Node)}' indexes"));
        }

        return InputFill.Between(options.TokenMin, options.TokenMax - 1, "seeded integers: no table they index was found");
    }

    /// <summary>The smallest table the input indexes, following it through operators that keep its values.</summary>
    private static (long Rows, string Data, string OpType, string Node)? Table(string input, InferredTypes types, Dictionary<string, List<Node>> consumers)
    {
        (long Rows, string Data, string OpType, string Node)? smallest = null;
        var seen = new HashSet<string>(StringComparer.Ordinal) { input };
        var pending = new Queue<string>();
        pending.Enqueue(input);
        while (pending.Count > 0)
        {
            var value = pending.Dequeue();
            foreach (var node in consumers.GetValueOrDefault(value) ?? new List<Node>())
            {
                if (PassThrough.Contains(node.OpType) && node.IsDefaultDomain && node.HasInput(0) && node.Inputs[0] == value)
                {
                    foreach (var output in node.Outputs.Where(o => o.Length > 0 && seen.Add(o)))
                    {
                        pending.Enqueue(output);
                    }

                    continue;
                }

                if (Rows(node, value, types) is { } found && (smallest is null || found.Rows < smallest.Value.Rows))
                {
                    smallest = found;
                }
            }
        }

        return smallest;
    }

    /// <summary>The rows of the table <paramref name="node"/> reads with <paramref name="value"/> as its indices, if it does.</summary>
    private static (long Rows, string Data, string OpType, string Node)? Rows(Node node, string value, InferredTypes types)
    {
        var (dataInput, axis) = node.OpType switch
        {
            "Gather" when node.Inputs.Count > 1 && node.Inputs[1] == value => (0, node.Attributes.GetIntOrNull("axis") ?? 0),
            "GatherBlockQuantized" when node.Inputs.Count > 1 && node.Inputs[1] == value => (0, node.Attributes.GetIntOrNull("gather_axis") ?? 0),
            "EmbedLayerNormalization" when node.Inputs.Count > 2 && node.Inputs[0] == value => (2, 0L),
            "EmbedLayerNormalization" when node.Inputs.Count > 3 && node.Inputs[1] == value => (3, 0L),
            _ => (-1, 0L),
        };
        if (dataInput < 0 || !node.HasInput(dataInput) || types.TypeOf(node.Inputs[dataInput])?.Shape is not { Rank: > 0 } shape)
        {
            return null;
        }

        var at = axis < 0 ? axis + shape.Rank : axis;
        return at >= 0 && at < shape.Rank && shape[(int)at] is { IsKnown: true, Value: > 0 } rows
            ? (rows.Value, node.Inputs[dataInput], node.OpType, node.Name)
            : null;
    }

    private static bool IsIndexType(ElementType type) => type is ElementType.Int64 or ElementType.Int32 or ElementType.Int16 or ElementType.Int8
        or ElementType.UInt16 or ElementType.UInt32 or ElementType.UInt64;
}
