using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Specs.Yaml;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>
/// Reads a model's <c>inputs</c>: per input a <c>shape</c> and at most one of <c>value</c> (a number, or nested lists
/// of numbers row-major), <c>range: [lo, hi]</c> and <c>file</c> (<c>.npy</c> or ONNX <c>TensorProto</c>, relative to the
/// spec's folder). A shape becomes a whole-input binding; the rest an <see cref="InputFill"/>.
/// </summary>
internal static class InputsReader
{
    private const string NotANumber = "{0} must be a number (or true/false), not '{1}'";
    private const string OneSource = "input '{0}' of model '{1}' gives {2}; give at most one of 'value', 'range' and 'file'";
    private const string Empty = "input '{0}' of model '{1}' says nothing; give a 'shape', a 'value', a 'range' or a 'file'";
    private const string BadRange = "the 'range' of input '{0}' must be a list of two numbers [lo, hi] with lo <= hi";
    private const string BadShape = "the 'shape' of input '{0}' must be a list of non-negative whole numbers, e.g. [1, 512]";
    private const string DataMissing = "input '{0}' of model '{1}': data file '{2}' does not exist (looked for '{3}'; paths are relative to the spec's folder)";
    private const string DataNotRegular = "input '{0}' of model '{1}': '{2}' is {3}, not a regular file";

    private static readonly string[] Keys = { "shape", "value", "range", "file" };

    /// <summary>The inputs' shapes as bindings and their fills, in the order written.</summary>
    public static (IReadOnlyList<Binding> Shapes, IReadOnlyList<InputDeclaration> Fills) Read(YamlValue value, string model, SpecReadContext context)
    {
        var shapes = new List<Binding>();
        var fills = new List<InputDeclaration>();
        if (context.Map(value, $"the 'inputs' of model '{UserText.Quote(model)}'") is not { } map)
        {
            return (shapes, fills);
        }

        foreach (var (key, body) in map.Entries)
        {
            if (context.Map(body, $"input '{UserText.Quote(key.Text)}' of model '{UserText.Quote(model)}'") is not { } fields)
            {
                continue;
            }

            var sources = fields.Entries.Where(e => e.Key.Text is "value" or "range" or "file").ToList();
            if (sources.Count > 1)
            {
                context.Error(ErrorCodes.SpecInvalidValue,
                    SpecReadContext.Text(OneSource, UserText.Quote(key.Text), UserText.Quote(model), string.Join(" and ", sources.Select(s => $"'{s.Key.Text}'"))),
                    sources[1].Key.Location);
            }
            else if (fields.Entries.Count == 0)
            {
                context.Error(ErrorCodes.SpecMissingKey, SpecReadContext.Text(Empty, UserText.Quote(key.Text), UserText.Quote(model)), key.Location);
            }

            foreach (var (name, field) in fields.Entries)
            {
                switch (name.Text)
                {
                    case "shape":
                        if (Shape(field, key.Text, context) is { } sizes)
                        {
                            shapes.Add(new Binding(key.Text, sizes, name.Location) { WholeInput = true });
                        }

                        break;
                    case "value":
                        if (Values(field, $"the 'value' of input '{UserText.Quote(key.Text)}'", context) is { } values)
                        {
                            fills.Add(new InputDeclaration(key.Text, field.Location, new InputFill(InputFillKind.Constant, values)));
                        }

                        break;
                    case "range":
                        if (Range(field, key.Text, context) is { } range)
                        {
                            fills.Add(new InputDeclaration(key.Text, field.Location, InputFill.Between(range.Low, range.High)));
                        }

                        break;
                    case "file":
                        if (DataFile(field, key.Text, model, context) is { } path)
                        {
                            fills.Add(new InputDeclaration(key.Text, field.Location, new InputFill(InputFillKind.File, File: path)));
                        }

                        break;
                    default:
                        context.UnknownKey(name, $"input '{UserText.Quote(key.Text)}' of model '{UserText.Quote(model)}'", Keys);
                        break;
                }
            }
        }

        return (shapes, fills);
    }

    private static long[]? Shape(YamlValue value, string input, SpecReadContext context)
    {
        if (value is not YamlList list)
        {
            context.Error(ErrorCodes.SpecWrongType, SpecReadContext.Text(BadShape, UserText.Quote(input)), value.Location);
            return null;
        }

        var sizes = new long[list.Items.Count];
        for (int i = 0; i < sizes.Length; i++)
        {
            if (list.Items[i] is not YamlScalar scalar
                || !long.TryParse(scalar.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]))
            {
                context.Error(ErrorCodes.SpecInvalidValue, SpecReadContext.Text(BadShape, UserText.Quote(input)), list.Items[i].Location);
                return null;
            }
        }

        return sizes;
    }

    /// <summary>One number, or nested lists of numbers flattened row-major.</summary>
    private static double[]? Values(YamlValue value, string what, SpecReadContext context)
    {
        var values = new List<double>();
        var pending = new Stack<YamlValue>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlScalar scalar:
                    if (Number(scalar, what, context) is not { } number)
                    {
                        return null;
                    }

                    values.Add(number);
                    break;
                case YamlList list:
                    for (int i = list.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(list.Items[i]);
                    }

                    break;
                case var other:
                    context.Error(ErrorCodes.SpecWrongType, SpecReadContext.Text(NotANumber, what, other.Kind), other.Location);
                    return null;
            }
        }

        if (values.Count == 0)
        {
            context.Error(ErrorCodes.SpecInvalidValue, SpecReadContext.Text(NotANumber, what, "[]"), value.Location);
            return null;
        }

        return values.ToArray();
    }

    private static double? Number(YamlScalar scalar, string what, SpecReadContext context)
    {
        var text = scalar.Text.Trim();
        if (text is "true" or "True" or "TRUE")
        {
            return 1;
        }

        if (text is "false" or "False" or "FALSE")
        {
            return 0;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        context.Error(ErrorCodes.SpecInvalidValue, SpecReadContext.Text(NotANumber, what, UserText.Quote(text, 40)), scalar.Location);
        return null;
    }

    private static (double Low, double High)? Range(YamlValue value, string input, SpecReadContext context)
    {
        var what = $"the 'range' of input '{UserText.Quote(input)}'";
        if (value is YamlList { Items: [YamlScalar low, YamlScalar high] }
            && Number(low, what, context) is { } lo && Number(high, what, context) is { } hi)
        {
            if (lo <= hi)
            {
                return (lo, hi);
            }
        }
        else if (value is YamlList { Items: [YamlScalar, YamlScalar] })
        {
            return null; // a bad number, reported
        }

        context.Error(ErrorCodes.SpecInvalidValue, SpecReadContext.Text(BadRange, UserText.Quote(input)), value.Location);
        return null;
    }

    private static string? DataFile(YamlValue value, string input, string model, SpecReadContext context)
    {
        var what = $"the data file of input '{UserText.Quote(input)}'";
        if (context.Scalar(value, what) is not { } text || context.ResolveInside(new Located<string>(text, value.Location), what) is not { } resolved)
        {
            return null;
        }

        try
        {
            switch (InputFile.KindOf(resolved, FileRole.InputData))
            {
                case FileKind.Missing:
                    context.Error(ErrorCodes.SpecModelNotFound,
                        SpecReadContext.Text(DataMissing, UserText.Quote(input), UserText.Quote(model), UserText.Quote(text), UserText.Quote(resolved)), value.Location);
                    return null;
                case not FileKind.Regular and var kind:
                    context.Error(ErrorCodes.InputNotRegularFile,
                        SpecReadContext.Text(DataNotRegular, UserText.Quote(input), UserText.Quote(model), UserText.Quote(text), kind.Describe()), value.Location);
                    return null;
            }
        }
        catch (EfficiencyException e)
        {
            context.Error(e.Code, e.Message, value.Location);
            return null;
        }

        return resolved;
    }
}
