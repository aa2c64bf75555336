import { describe, expect, it } from "vitest";
import { changedHeaderFields, meetingWriteRefusal, taskCompletionRefusal } from "@/lib/domain/meeting-workflow";

describe("meetingWriteRefusal", () => {
  it("refuses a missing meeting, then a closed one, then a stale version — in that order", () => {
    expect(meetingWriteRefusal(undefined, 3)).toBe("notFound");
    expect(meetingWriteRefusal({ status: "closed", version: 2 }, 3)).toBe("closed");
    expect(meetingWriteRefusal({ status: "closed", version: 3 }, 3)).toBe("closed");
    expect(meetingWriteRefusal({ status: "open", version: 4 }, 3)).toBe("conflict");
  });

  it("lets an addition to an open meeting through at any version, and an edit only at the version seen", () => {
    expect(meetingWriteRefusal({ status: "open", version: 9 })).toBeNull();
    expect(meetingWriteRefusal({ status: "open", version: 3 }, 3)).toBeNull();
  });
});

describe("changedHeaderFields", () => {
  const before = {
    type: "dispatch",
    title: "调度会",
    heldAt: new Date(1_000),
    chair: "王",
    attendees: ["甲", "乙"],
    notes: "",
  };

  it("lists only the fields that changed, times as milliseconds", () => {
    expect(changedHeaderFields(before, { ...before, heldAt: new Date(2_000), attendees: ["甲"] })).toEqual([
      { field: "heldAt", oldValue: 1_000, newValue: 2_000 },
      { field: "attendees", oldValue: ["甲", "乙"], newValue: ["甲"] },
    ]);
  });

  it("sees an equal copy as no change, and an attendee order change as a change", () => {
    expect(changedHeaderFields(before, { ...before, heldAt: new Date(1_000), attendees: ["甲", "乙"] })).toEqual([]);
    expect(changedHeaderFields(before, { ...before, attendees: ["乙", "甲"] }).map((c) => c.field)).toEqual([
      "attendees",
    ]);
  });
});

describe("taskCompletionRefusal", () => {
  it("lets only the responsible unit close an open task, once", () => {
    expect(taskCompletionRefusal(undefined, [1])).toBe("notFound");
    expect(taskCompletionRefusal({ unitId: 2, status: "open" }, [1, 3])).toBe("notYourUnit");
    expect(taskCompletionRefusal({ unitId: 2, status: "done" }, [2])).toBe("alreadyDone");
    expect(taskCompletionRefusal({ unitId: 2, status: "open" }, [2])).toBeNull();
  });
});
