"""How far a Spark job has got, read from Spark's status tracker and articlex's record counters.

:func:`snapshot` sums the tasks of every stage of the jobs in one job group
(the articlex job puts its work in one), so the line covers the pass that
plans the slices as well as the extraction. Record counts come from a
:class:`~articlex.spark.Tally`, whose accumulators grow as tasks finish.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark import SparkContext

    from articlex.spark import Tally

# The status of a job that has finished well (Spark's JobExecutionStatus).
SUCCEEDED = "SUCCEEDED"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Tasks and records done so far."""

    tasks: int
    done: int
    running: int
    failed: int
    records: int
    errors: int
    seconds: float

    def line(self) -> str:
        """One line for a terminal or a log, e.g. ``tasks 3/20 (2 running) | 1,500 records (2 errors), 48.1/s``."""
        rate = self.records / self.seconds if self.seconds > 0 else 0.0
        failed = f", {self.failed} failed" if self.failed else ""
        return (
            f"tasks {self.done}/{self.tasks} ({self.running} running{failed}) | "
            f"{self.records:,} records ({self.errors:,} errors), {rate:.1f}/s | {self.seconds:.0f} s"
        )


def snapshot(context: SparkContext, group: str, tally: Tally, seconds: float) -> Snapshot:
    """The tasks of the job group ``group`` and the records ``tally`` has counted, ``seconds`` into the run."""
    tracker = context.statusTracker()
    tasks = done = running = failed = 0
    for job_id in tracker.getJobIdsForGroup(group):
        job = tracker.getJobInfo(job_id)
        if job is None:
            continue
        for stage_id in job.stageIds:
            stage = tracker.getStageInfo(stage_id)
            # A finished job's stage that ran no task was skipped (its output was
            # reused from an earlier job): it never will run, so it is not counted.
            if stage is None or (job.status == SUCCEEDED and not stage.numCompletedTasks):
                continue
            tasks += stage.numTasks
            done += stage.numCompletedTasks
            running += stage.numActiveTasks
            failed += stage.numFailedTasks
    return Snapshot(tasks, done, running, failed, tally.pages.value, tally.errors.value, seconds)
