using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Specs.Yaml;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>Reads <c>models</c>: name to <c>{ path, quality, bind, inputs, budgets }</c>; the model file must exist.</summary>
internal static class ModelsReader
{
    private const string NoModels = "'models' lists no model; add one, e.g. 'my-model: { path: models/my-model.onnx }'";
    private const string NoPath = "model '{0}' has no 'path' (the ONNX file, relative to the spec's folder)";
    private const string ModelNotRegular = "model '{0}': '{1}' is {2}, not a regular file; a model path names an ONNX file";
    private const string ModelMissing = "model '{0}': file '{1}' does not exist (looked for '{2}'; paths are relative to the spec's folder)";

    private static readonly string[] Keys = { "path", "quality", "bind", "inputs", "generation", "budgets" };

    public static IReadOnlyList<ModelEntry> Read(YamlValue value, SpecReadContext context) =>
        context.Entries(value, "'models'", "model", NoModels, (key, fields) => ReadModel(key, fields, context));

    private static ModelEntry? ReadModel(YamlScalar key, YamlMap fields, SpecReadContext context)
    {
        Located<string>? path = null;
        IReadOnlyList<QualityMetric> quality = Array.Empty<QualityMetric>();
        IReadOnlyList<Binding> bindings = Array.Empty<Binding>();
        IReadOnlyList<Budget> budgets = Array.Empty<Budget>();
        IReadOnlyList<Binding> shapes = Array.Empty<Binding>();
        IReadOnlyList<InputDeclaration> inputs = Array.Empty<InputDeclaration>();
        CostModel.Generation? generation = null;
        foreach (var (name, value) in fields.Entries)
        {
            switch (name.Text)
            {
                case "path":
                    path = context.Scalar(value, $"the path of model '{UserText.Quote(key.Text)}'") is { } text ? new Located<string>(text, value.Location) : null;
                    break;
                case "quality":
                    quality = ReadQuality(value, key.Text, context);
                    break;
                case "bind":
                    bindings = BindingsReader.Read(value, $"the 'bind' of model '{UserText.Quote(key.Text)}'", context);
                    break;
                case "inputs":
                    (shapes, inputs) = InputsReader.Read(value, key.Text, context);
                    break;
                case "generation":
                    generation = ReadGeneration(value, key.Text, context);
                    break;
                case "budgets":
                    budgets = BudgetsReader.Read(value, $"the 'budgets' of model '{UserText.Quote(key.Text)}'", BudgetSection.Static, context);
                    break;
                default:
                    context.UnknownKey(name, $"model '{UserText.Quote(key.Text)}'", Keys);
                    break;
            }
        }

        if (path is null)
        {
            if (!fields.Entries.Any(e => e.Key.Text == "path"))
            {
                context.Error(ErrorCodes.SpecMissingKey, SpecReadContext.Text(NoPath, UserText.Quote(key.Text)), key.Location);
            }

            return null;
        }

        var what = $"the path of model '{UserText.Quote(key.Text)}'";
        if (context.ResolveInside(path, what) is not { } resolved)
        {
            return null;
        }

        try
        {
            // Looked at without opening it: a FIFO or device named as a model must not hang or feed the loader.
            switch (InputFile.KindOf(resolved, FileRole.Model))
            {
                case FileKind.Missing:
                    context.Error(ErrorCodes.SpecModelNotFound,
                        SpecReadContext.Text(ModelMissing, UserText.Quote(key.Text), UserText.Quote(path.Value), UserText.Quote(resolved)), path.Location);
                    break;
                case not FileKind.Regular and var kind:
                    context.Error(ErrorCodes.InputNotRegularFile,
                        SpecReadContext.Text(ModelNotRegular, UserText.Quote(key.Text), UserText.Quote(path.Value), kind.Describe()), path.Location);
                    break;
            }
        }
        catch (EfficiencyException e)
        {
            context.Error(e.Code, e.Message, path.Location);
        }

        // An input's declared shape is a whole-input binding, after (so over) the model's own 'bind'.
        return new ModelEntry(key.Text, key.Location, path, resolved, quality, bindings.Concat(shapes).ToList(), budgets) { Inputs = inputs, Generation = generation };
    }

    private static readonly string[] GenerationKeys = { "prompt", "new_tokens", "past", "present" };

    /// <summary><c>generation: { prompt: N, new_tokens: M, past: PREFIX, present: PREFIX }</c>; prompt and new_tokens are required.</summary>
    private static CostModel.Generation? ReadGeneration(YamlValue value, string model, SpecReadContext context)
    {
        var where = $"the 'generation' of model '{UserText.Quote(model)}'";
        if (context.Map(value, where) is not { } map)
        {
            return null;
        }

        int? prompt = null, tokens = null;
        string past = CostModel.Generation.GenAiPast, present = CostModel.Generation.GenAiPresent;
        foreach (var (name, field) in map.Entries)
        {
            switch (name.Text)
            {
                case "prompt":
                    prompt = context.PositiveInteger(field, $"the prompt of model '{UserText.Quote(model)}'");
                    break;
                case "new_tokens":
                    tokens = context.PositiveInteger(field, $"the new_tokens of model '{UserText.Quote(model)}'");
                    break;
                case "past":
                    past = context.Scalar(field, $"the past prefix of model '{UserText.Quote(model)}'") ?? past;
                    break;
                case "present":
                    present = context.Scalar(field, $"the present prefix of model '{UserText.Quote(model)}'") ?? present;
                    break;
                default:
                    context.UnknownKey(name, where, GenerationKeys);
                    break;
            }
        }

        foreach (var (key, found) in new[] { ("prompt", prompt), ("new_tokens", tokens) })
        {
            if (found is null && !map.Entries.Any(e => e.Key.Text == key))
            {
                context.Error(ErrorCodes.SpecMissingKey, SpecReadContext.Text(NoGenerationKey, where, key), map.Location);
            }
        }

        return prompt is { } p && tokens is { } t ? new CostModel.Generation(p, t, past, present) : null;
    }

    private const string NoGenerationKey = "{0} has no '{1}'; give both, e.g. 'generation: {{ prompt: 128, new_tokens: 64 }}'";

    private static List<QualityMetric> ReadQuality(YamlValue value, string model, SpecReadContext context)
    {
        var metrics = new List<QualityMetric>();
        if (context.Map(value, $"the 'quality' of model '{UserText.Quote(model)}'") is { } map)
        {
            foreach (var (key, body) in map.Entries)
            {
                if (context.Quantity(body, $"quality '{UserText.Quote(key.Text)}' of model '{UserText.Quote(model)}'", Dimension.Ratio) is { } number)
                {
                    metrics.Add(new QualityMetric(key.Text, number, body.Location));
                }
            }
        }

        return metrics;
    }
}
