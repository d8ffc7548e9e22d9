using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Results;

/// <summary>
/// A results document is read whole or refused (EM4101, naming the member): a number no double holds is never read
/// as infinity (and so never written as null and skipped later), a null entry never crashes a reader, and no message
/// quotes the file's text.
/// </summary>
public sealed class ResultsJsonRefusalTests
{
    private const string Head = """{ "format": "efficiency-misnomer/results@1", "created": "2026-11-30T10:00:00+00:00", "machines": [], "specs": [ """;

    private static string Model(string members) =>
        Head + """{ "name": "s", "path": "s.yaml", "disagreement": "warn", "models": [ { "name": "m", "path": "m.onnx", """ + members + " } ] } ] }";

    [TestCase("""  "static": [ { "name": "params", "unit": "count", "value": 1e400 } ]  """, "specs[0].models[0].static[0].value")]
    [TestCase("""  "static": [ { "name": "params", "unit": "count", "value": -1e400 } ]  """, "specs[0].models[0].static[0].value")]
    [TestCase("""  "static": [ { "name": "params", "unit": "count", "value": 5, "upper": 1e999 } ]  """, "specs[0].models[0].static[0].upper")]
    [TestCase("""  "quality": { "top1": 1e400 }  """, "specs[0].models[0].quality.top1")]
    [TestCase("""  "runtime": [ { "machine": "a", "profile": "p", "batch": 1, "latency_samples": [ 1, 1e400 ] } ]  """, "specs[0].models[0].runtime[0].latency_samples[1]")]
    [TestCase("""  "verdicts": [ { "kind": "budget", "indicator": "params", "status": "pass", "message": "", "measured": 1e309 } ]  """, "specs[0].models[0].verdicts[0].measured")]
    public void A_number_too_large_for_a_double_is_refused_naming_its_member(string members, string member)
    {
        var error = Assert.Throws<EfficiencyException>(() => ResultsJson.Parse(Model(members), "r.json"))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.ResultsUnreadable));
            Assert.That(error.Message, Does.StartWith("r.json(").And.Contain("a number too large or too small to hold").And.Contain(member));
        });
    }

    [TestCase("""  "quality": { "top1": null }  """)]
    [TestCase("""  "quality": { "top1": "high" }  """)]
    [TestCase("""  "runtime": [ { "machine": "a", "profile": "p", "batch": 1, "latency_samples": [ null ] } ]  """)]
    public void A_value_that_is_not_a_number_where_one_belongs_is_refused(string members) =>
        Assert.That(Assert.Throws<EfficiencyException>(() => ResultsJson.Parse(Model(members), "r.json"))!.Code, Is.EqualTo(ErrorCodes.ResultsUnreadable));

    [TestCase("""  "static": [ null ]  """, "specs[0].models[0].static[0]")]
    [TestCase("""  "runtime": [ null ]  """, "specs[0].models[0].runtime[0]")]
    [TestCase("""  "runtime": [ { "machine": "a", "profile": "p", "batch": 1, "indicators": [ null ] } ]  """, "specs[0].models[0].runtime[0].indicators[0]")]
    [TestCase("""  "verdicts": [ null ]  """, "specs[0].models[0].verdicts[0]")]
    public void A_null_entry_is_refused_naming_it(string members, string entry)
    {
        var error = Assert.Throws<EfficiencyException>(() => ResultsJson.Parse(Model(members), "r.json"))!;
        Assert.That((error.Code, error.Message), Is.EqualTo((ErrorCodes.ResultsUnreadable, $"r.json: not a results document: '{entry}' is null where an entry belongs")));
    }

    [TestCase(Head + "null ] }", "specs[0]")]
    [TestCase("""{ "format": "efficiency-misnomer/results@1", "created": "2026-11-30T10:00:00+00:00", "machines": [ null ], "specs": [] }""", "machines[0]")]
    [TestCase(Head + """{ "name": "s", "path": "s.yaml", "models": [ null ] } ] }""", "specs[0].models[0]")]
    public void A_null_spec_machine_or_model_is_refused(string text, string entry) =>
        Assert.That(Assert.Throws<EfficiencyException>(() => ResultsJson.Parse(text, "r.json"))!.Message, Does.Contain($"'{entry}' is null"));

    [Test]
    public void A_syntax_error_does_not_quote_the_character_it_stopped_at()
    {
        var error = Assert.Throws<EfficiencyException>(() => ResultsJson.Parse("{ \"format\": hunter2 }", "r.json"))!;
        Assert.That(error.Message, Does.StartWith("r.json(1,").And.Not.Contain("'h'").And.Not.Contain("hunter2"));
    }

    [Test]
    public void A_file_that_is_not_regular_is_refused_by_the_file_layer()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-results-").FullName;
        try
        {
            var fifo = SpecialFiles.Fifo(Path.Combine(folder, "r.json"));
            var error = SpecialFiles.WithinSeconds(10, () => Assert.Throws<EfficiencyException>(() => ResultsJson.Read(fifo))!);
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InputNotRegularFile));
            SpecialFiles.Release(fifo);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Names_in_a_refusal_are_escaped()
    {
        var error = Assert.Throws<EfficiencyException>(() => ResultsJson.Parse("{}", "r\n::error::x.json"))!;
        Assert.That(error.Diagnostic.ToString(), Does.Not.Contain("\n"));
    }
    [Test]
    public void A_sparse_hand_written_base_and_revision_read_with_empty_members_and_render()
    {
        var text = Head + """
            { "name": "s", "path": "s.yaml", "revisions": { "base_commit": "abc" },
              "models": [ { "name": "m", "path": "m.onnx", "base": { "status": "unchanged" } } ] } ] }
            """;
        var spec = ResultsJson.Parse(text, "r.json").Specs[0];
        var (model, revisions) = (spec.Models[0], spec.Revisions!);
        Assert.Multiple(() =>
        {
            Assert.That((model.Base!.Path, model.Base.Static.Count, model.Base.Runtime.Count), Is.EqualTo(("", 0, 0)));
            Assert.That((revisions.Against, revisions.Source, revisions.BaseCommit), Is.EqualTo(("", "", "abc")));
            Assert.DoesNotThrow(() => EfficiencyMisnomer.Exporters.ResultsMarkdown.Render(ResultsJson.Parse(text, "r.json")));
        });
    }
}
