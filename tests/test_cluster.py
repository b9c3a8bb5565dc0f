"""Extraction on a real local Dask cluster (scheduler and two worker processes started and
stopped by the tests): the same results as the local pool, nothing lost when a worker dies,
files read by path or by fsspec URL, and a file that exhausts memory recorded, not retried."""

import json
import os
import signal
from pathlib import Path

import pytest

from archive.ingest import ExtractOptions, ingest
from archive.store import Archive
from extract.cluster import Engine, _given_up, extract_on_cluster, extract_task
from extract.isolate import Job, Limits, extract_isolated


def canonical(result) -> str:
    return json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes, as `--engine dask` starts them."""
    import dask
    from distributed import LocalCluster

    settings = {"distributed.worker.daemon": False, "distributed.scheduler.allowed-failures": 2}
    with dask.config.set(settings):
        local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
        yield local
        local.close()


@pytest.fixture(scope="module")
def dev_jobs(samples) -> list[Job]:
    return [Job(p, p.name) for p in samples]


def test_the_cluster_extracts_the_dev_corpus_as_the_local_pool_does(cluster, dev_jobs):
    local = extract_isolated(dev_jobs, backend="pdfium", workers=2)
    remote = extract_on_cluster(dev_jobs, "pdfium", Engine("dask", cluster.scheduler_address))
    assert [canonical(r) for r in remote] == [canonical(r) for r in local]
    assert all(r.failure is None for r in remote)


def test_a_worker_killed_in_the_middle_of_a_run_loses_nothing(cluster, dev_jobs):
    from distributed import Client

    jobs = [Job(j.path, f"{n}-{j.source}") for n in range(4) for j in dev_jobs]  # 20 files
    killed: list[int] = []
    arrived: list[int] = []

    with Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)

        def kill_a_busy_worker(index, result):
            arrived.append(index)
            if killed:
                return
            busy = [w for w, keys in client.processing().items() if keys]
            if busy:
                killed.append(pids[busy[0]])
                os.kill(pids[busy[0]], signal.SIGKILL)

        results = extract_on_cluster(
            jobs, "pdfium", Engine("dask", cluster.scheduler_address), on_result=kill_a_busy_worker
        )
    assert killed  # a worker died while it was reading a file
    assert sorted(arrived) == list(range(len(jobs)))  # every file once: none lost, none twice
    assert [r.source for r in results] == [j.source for j in jobs]
    assert all(r.failure is None and r.documents for r in results)


def test_a_file_that_exhausts_memory_is_recorded_as_too_large(cluster, tmp_path):
    from tests import pdfs

    bomb = pdfs.flate_bomb(tmp_path / "bomb.pdf")
    (result,) = extract_on_cluster(
        [Job(bomb, "bomb.pdf")], "pdfium", Engine("dask", cluster.scheduler_address), limits=Limits(memory_mb=300)
    )
    assert result.failure.kind == "too_large" and "300 MB" in result.failure.reason


def test_a_file_whose_task_kills_every_worker_is_given_up_as_too_large(tmp_path):
    from distributed import KilledWorker

    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4 whatever")
    record = _given_up(Job(path, "x.pdf"), str(path), KilledWorker("extract-1", "tcp://w", 3))
    assert record.failure.kind == "too_large" and "died" in record.failure.reason
    assert record.sha256 and record.size == path.stat().st_size


def test_files_are_read_by_an_fsspec_url(cluster, dev_jobs):
    urls = [f"file://{j.path.resolve()}" for j in dev_jobs]
    by_url = extract_on_cluster(dev_jobs[:2], "pdfium", Engine("dask", cluster.scheduler_address), locations=urls[:2])
    by_path = extract_isolated(dev_jobs[:2], backend="pdfium")
    assert [canonical(r) for r in by_url] == [canonical(r) for r in by_path]


def test_an_archive_builds_on_a_cluster_reading_its_objects_from_a_memory_filesystem(samples, tmp_path):
    """Workers that see the objects only under a URL (here fsspec's memory filesystem, shared by
    in-process workers; s3:// in production) extract the archive as a local build does."""
    import fsspec
    from distributed import LocalCluster

    local = Archive(tmp_path / "local")
    ingest(samples[:2], local)
    remote = Archive(tmp_path / "remote")
    memory = fsspec.filesystem("memory")
    for path in samples[:2]:  # what is in the archive's objects/, copied to the URL
        stored = remote.add_file(path)
        memory.pipe(f"/archive/objects/{stored.path.relative_to(remote.objects).as_posix()}", path.read_bytes())
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as threads:
        options = ExtractOptions(
            engine=Engine("dask", threads.scheduler_address), objects_url="memory://archive/objects"
        )
        report = ingest(samples[:2], remote, options)
    assert sorted(report.extracted) == sorted(p.name for p in samples[:2])
    for sha in (p.name for p in local.extractions.glob("*.json")):
        assert (remote.extractions / sha).read_text() == (local.extractions / sha).read_text()


def test_the_engine_is_named_on_the_command_line():
    assert Engine.parse("dask") == Engine("dask", None)
    assert Engine.parse("dask=tcp://10.0.0.5:8786") == Engine("dask", "tcp://10.0.0.5:8786")
    with pytest.raises(ValueError):
        Engine.parse("spark")


def test_minutes_build_with_a_local_dask_cluster(samples, tmp_path):
    from click.testing import CliRunner

    from minutes.cli import cli

    result = CliRunner().invoke(
        cli, ["build", *map(str, samples[:2]), "--archive", str(tmp_path / "a"), "--engine", "dask", "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    assert len(list(Path(tmp_path / "a" / "extractions").glob("*.json"))) == 2


def test_a_file_the_cluster_cannot_reach_is_recorded_under_its_own_hash(samples, tmp_path):
    """Workers that cannot open the objects' URL: each file is recorded as failed, with its reason,
    under the archive's own hash (never as a nameless extraction), and the run goes on."""
    from distributed import LocalCluster

    archive = Archive(tmp_path / "a")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as threads:
        options = ExtractOptions(engine=Engine("dask", threads.scheduler_address), objects_url="memory://nowhere")
        report = ingest(samples[:1], archive, options)
    saved = list(archive.extractions.glob("*.json"))
    assert [p.stem for p in saved] == [archive.add_file(samples[0]).sha256]
    record = json.loads(saved[0].read_text())
    assert record["failure"]["kind"] == "crashed" and "FileNotFoundError" in record["failure"]["reason"]
    assert report.load.failed


def test_the_cluster_is_given_the_largest_files_first(samples):
    """As in the local pool: a large file left to the end keeps one worker busy while the
    others idle, so one worker thread receives the files largest first, whatever their order."""
    from distributed import LocalCluster

    jobs = [Job(p, p.name) for p in sorted(samples, key=lambda p: p.stat().st_size)]
    arrived: list[str] = []
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as one:
        results = extract_on_cluster(
            jobs, "pdfium", Engine("dask", one.scheduler_address), on_result=lambda i, r: arrived.append(r.source)
        )
    assert arrived == [j.source for j in reversed(jobs)]
    assert [r.source for r in results] == [j.source for j in jobs]  # results keep the jobs' order


def test_a_worker_with_another_extractor_version_refuses_the_file(samples):
    """Mixed versions on a cluster would stamp results the writer takes for stale, and so extract
    them again every night: the worker says so instead."""
    with pytest.raises(RuntimeError, match=r"runs extractor .* the run's is 6-0000000000"):
        extract_task(str(samples[0]), samples[0].name, "pdfium", Limits(), expected="6-0000000000")
