using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Tests.Specs;

/// <summary>A model's <c>inputs</c> in a spec: shapes, values, ranges and data files, and every mistake a located, coded error.</summary>
public sealed class InputsSpecTests
{
    private SpecFolder folder = null!;

    [SetUp]
    public void Create() => folder = new SpecFolder();

    [TearDown]
    public void Delete() => folder.Dispose();

    private static string Spec(string inputs) => $$"""
        models:
          tiny:
            path: models/tiny-cnn.onnx
            inputs:
        {{inputs}}
        budgets:
          params: { max: 1M }
        """;

    [Test]
    public void Shapes_values_ranges_and_files_reach_the_bindings_of_the_model()
    {
        File.WriteAllBytes(Path.Combine(folder.Path, "state.npy"), NpyFiles.Float32(new long[] { 2 }, 0, 0));
        var result = folder.Load(Spec("""
                  image: { shape: [1, 3, 32, 32] }
                  sr: { value: 16000 }
                  ids: { shape: [4], range: [0, 511] }
                  weights: { value: [[1, 2], [3, 4.5]] }
                  flag: { value: true }
                  state: { file: state.npy }
            """));

        Assert.That(result.Diagnostics, Is.Empty);
        var spec = result.Spec!;
        var model = spec.Models.Single();
        var bindings = EffectiveBudgets.Bindings(spec, model);
        Assert.Multiple(() =>
        {
            Assert.That(bindings.Inputs["image"], Is.EqualTo(new long[] { 1, 3, 32, 32 }));
            Assert.That(bindings.Inputs["ids"], Is.EqualTo(new long[] { 4 }), "a one-dimensional shape stays an input's shape, never a symbol");
            Assert.That(bindings.Symbols, Is.Empty);
            Assert.That((bindings.Fills["sr"].Kind, bindings.Fills["sr"].Values, bindings.Fills["sr"].IsDeclared),
                Is.EqualTo((InputFillKind.Constant, new[] { 16000d }, true)));
            Assert.That(bindings.Fills["ids"].Kind, Is.EqualTo(InputFillKind.Range));
            Assert.That((bindings.Fills["ids"].Low, bindings.Fills["ids"].High), Is.EqualTo((0d, 511d)));
            Assert.That(bindings.Fills["weights"].Values, Is.EqualTo(new[] { 1, 2, 3, 4.5 }), "nested lists are read row-major");
            Assert.That(bindings.Fills["flag"].Values, Is.EqualTo(new[] { 1d }));
            Assert.That(bindings.Fills["state"].File, Is.EqualTo(Path.Combine(folder.Path, "state.npy")));
            Assert.That(model.Inputs.Single(i => i.Name == "sr").Location.Line, Is.EqualTo(6));
        });
    }

    [TestCase("      sr: { value: 16000, range: [1, 2] }", ErrorCodes.SpecInvalidValue, "at most one of 'value', 'range' and 'file'")]
    [TestCase("      sr: { value: sixteen }", ErrorCodes.SpecInvalidValue, "must be a number")]
    [TestCase("      sr: { value: { a: 1 } }", ErrorCodes.SpecWrongType, "must be a number")]
    [TestCase("      sr: { range: [5, 1] }", ErrorCodes.SpecInvalidValue, "lo <= hi")]
    [TestCase("      sr: { range: 5 }", ErrorCodes.SpecInvalidValue, "two numbers")]
    [TestCase("      sr: { shape: [1, -2] }", ErrorCodes.SpecInvalidValue, "non-negative whole numbers")]
    [TestCase("      sr: { shape: 3 }", ErrorCodes.SpecWrongType, "must be a list")]
    [TestCase("      sr: { file: absent.npy }", ErrorCodes.SpecModelNotFound, "data file 'absent.npy' does not exist")]
    [TestCase("      sr: { file: ../../outside.npy }", ErrorCodes.PathOutsideRoot, "")]
    [TestCase("      sr: { valu: 1 }", ErrorCodes.SpecUnknownKey, "did you mean 'value'")]
    [TestCase("      sr: {}", ErrorCodes.SpecMissingKey, "says nothing")]
    [TestCase("      sr: 16000", ErrorCodes.SpecWrongType, "must be a map")]
    [TestCase("      sr: { value: .nan }", ErrorCodes.SpecInvalidValue, "must be a number")]
    public void A_mistake_in_inputs_is_a_located_coded_error(string inputs, string code, string message)
    {
        var result = folder.Load(Spec(inputs));

        var error = result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(code));
            Assert.That(error.Message, Does.Contain(message));
            Assert.That(error.Location!.Line, Is.EqualTo(5), error.ToString());
        });
    }

    private static string WithGeneration(string generation) => $$"""
        models:
          tiny:
            path: models/tiny-cnn.onnx
            generation: {{generation}}
        """;

    [Test]
    public void A_generation_entry_is_read_with_the_genai_names_by_default()
    {
        var result = folder.Load(WithGeneration("{ prompt: 128, new_tokens: 64 }"));
        var other = folder.Load(WithGeneration("{ prompt: 1, new_tokens: 1, past: 'cache_in.', present: 'cache_out.' }"), "other.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.Spec!.Models.Single().Generation, Is.EqualTo(new EfficiencyMisnomer.CostModel.Generation(128, 64, "past_key_values.", "present.")));
            Assert.That(other.Spec!.Models.Single().Generation, Is.EqualTo(new EfficiencyMisnomer.CostModel.Generation(1, 1, "cache_in.", "cache_out.")));
        });
    }

    [TestCase("{ prompt: 128 }", ErrorCodes.SpecMissingKey, "has no 'new_tokens'")]
    [TestCase("{ prompt: 0, new_tokens: 4 }", ErrorCodes.SpecInvalidValue, "positive whole number")]
    [TestCase("{ prompt: 8, new_tokens: 4, steps: 2 }", ErrorCodes.SpecUnknownKey, "unknown key 'steps'")]
    [TestCase("128", ErrorCodes.SpecWrongType, "must be a map")]
    public void A_mistake_in_generation_is_a_located_coded_error(string generation, string code, string message)
    {
        var error = folder.Load(WithGeneration(generation)).Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(code));
            Assert.That(error.Message, Does.Contain(message));
            Assert.That(error.Location!.Line, Is.EqualTo(4));
        });
    }
}
