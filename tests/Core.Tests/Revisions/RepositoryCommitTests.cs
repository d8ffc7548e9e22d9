using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Revisions;

namespace EfficiencyMisnomer.Tests.Revisions;

/// <summary>
/// The commit a baseline entry names: only one whose files are the measured model, so that a later stored verdict can be
/// confirmed beside exactly what was measured.
/// </summary>
public sealed class RepositoryCommitTests
{
    [Test]
    public void A_committed_model_is_held_by_its_commit_and_a_changed_or_foreign_one_is_not()
    {
        using var repository = GitRepository.Init();
        var spec = repository.Write("specs/s.yaml", "name: s\n");
        var model = repository.Write("specs/models/tiny.onnx", SampleModels.TinyCnn().ToBytes());
        var commit = repository.Commit("base");

        var held = RepositoryCommit.Holding(commit, spec, model);
        repository.Write("specs/models/tiny.onnx", ComparisonModels.Resaved(SampleModels.TinyCnn().ToBytes()));
        var afterEdit = RepositoryCommit.Holding(commit, spec, model);
        var unknown = RepositoryCommit.Holding(new string('a', 40), spec, model);
        var untracked = RepositoryCommit.Holding(commit, spec, repository.Write("specs/models/new.onnx", SampleModels.TinyCnn().ToBytes()));

        Assert.Multiple(() =>
        {
            Assert.That(held, Is.EqualTo(commit));
            Assert.That(RepositoryCommit.Of(new[] { spec }), Is.EqualTo(commit));
            Assert.That(afterEdit, Is.Null, "uncommitted changes: the commit does not hold what was measured");
            Assert.That(unknown, Is.Null, "a commit the repository does not hold");
            Assert.That(untracked, Is.Null, "a model absent at the commit");
        });
    }

    [Test]
    public void Outside_a_repository_there_is_no_commit()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-no-repo-").FullName;
        try
        {
            var spec = Path.Combine(folder, "s.yaml");
            File.WriteAllText(spec, "name: s\n");
            var model = Path.Combine(folder, "tiny.onnx");
            File.WriteAllBytes(model, SampleModels.TinyCnn().ToBytes());
            Assert.That(RepositoryCommit.Holding(new string('a', 40), spec, model), Is.Null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
