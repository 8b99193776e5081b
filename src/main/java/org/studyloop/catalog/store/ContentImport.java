package org.studyloop.catalog.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CoursePublished;
import org.studyloop.catalog.ItemPublished;
import org.studyloop.catalog.pack.Pack;
import org.studyloop.catalog.pack.PackError;
import org.studyloop.catalog.pack.PackException;
import org.studyloop.catalog.pack.PackFiles;
import org.studyloop.catalog.pack.PackParser;

/**
 * Imports a content pack: all of it in one transaction or nothing (docs/content-packs.md). A dry
 * run checks everything and writes nothing. The pack is its course's source of truth: what it no
 * longer has is removed (units, skills, lessons) or retired (items, whose versions practice may
 * still refer to). Unchanged rows are not touched, so a second import of the same pack changes
 * nothing and publishes no event.
 */
@Service
public class ContentImport {

    private final CourseStore courses;
    private final LessonAttachments attachments;
    private final ItemStore items;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContentImport(
            CourseStore courses,
            LessonAttachments attachments,
            ItemStore items,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.courses = courses;
        this.attachments = attachments;
        this.items = items;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param changed whether the import wrote anything (false for a dry run and for a pack imported as it is)
     */
    public record Summary(
            CourseId courseId,
            String courseKey,
            int courses,
            int skills,
            int items,
            List<PackError> warnings,
            boolean changed) {}

    /** Imports the pack, or throws {@link PackException} with every error and writes nothing. */
    public Summary importPack(PackFiles files, boolean dryRun) {
        var parsed = PackParser.parse(files);
        var pack = parsed.pack();
        if (pack == null) {
            throw new PackException(parsed.findings().errors());
        }
        var courseId = Ids.course(pack.course().key());
        var changed = !dryRun && Boolean.TRUE.equals(transactions.execute(status -> write(pack, courseId)));
        return new Summary(
                courseId,
                pack.course().key(),
                1,
                pack.skills().size(),
                pack.items().size(),
                parsed.findings().warnings(),
                changed);
    }

    private boolean write(Pack pack, CourseId courseId) {
        // One import of a course at a time: two would otherwise race on its version numbers.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "catalog:" + pack.course().key())
                .query()
                .singleValue();
        var now = clock.instant();
        var key = pack.course().key();
        var changed = courses.upsertCourse(courseId, pack.course(), now);
        var unitIds = new HashSet<UUID>();
        var units = pack.course().units();
        for (int i = 0; i < units.size(); i++) {
            var id = Ids.unit(key, units.get(i).key());
            unitIds.add(id);
            changed |= courses.upsertUnit(id, courseId, units.get(i), i);
        }
        var skillIds = new HashSet<UUID>();
        for (int i = 0; i < pack.skills().size(); i++) {
            var skill = pack.skills().get(i);
            var id = Ids.skill(key, skill.key());
            skillIds.add(id.value());
            changed |= courses.upsertSkill(id, courseId, Ids.unit(key, skill.unit()), skill, i);
        }
        for (var skill : pack.skills()) {
            var prerequisites =
                    skill.prerequisites().stream().map(p -> Ids.skill(key, p)).toList();
            changed |= courses.replacePrerequisites(Ids.skill(key, skill.key()), prerequisites);
        }
        var lessonIds = new HashSet<UUID>();
        for (int i = 0; i < pack.lessons().size(); i++) {
            var lesson = pack.lessons().get(i);
            var id = Ids.lesson(key, lesson.key());
            lessonIds.add(id);
            changed |= courses.upsertLesson(id, courseId, Ids.skill(key, lesson.skill()), lesson, i);
            var pdf = lesson.pdf() == null ? null : pack.attachments().get(lesson.pdf());
            changed |= attachments.put(id, pdf == null ? null : lesson.pdf(), pdf);
        }
        changed |= courses.deleteOthers("lesson", courseId, lessonIds);
        changed |= courses.deleteOthers("skill", courseId, skillIds);
        changed |= courses.deleteOthers("unit", courseId, unitIds);
        var itemIds = new HashSet<UUID>();
        var published = new ArrayList<ItemPublished>();
        for (var item : pack.items()) {
            var id = Ids.item(key, item.key());
            itemIds.add(id.value());
            var skills = item.skills().stream().map(s -> Ids.skill(key, s)).toList();
            var body = ItemViews.parse(ItemViews.json(item.body()));
            var existing = items.current(id);
            int version;
            if (existing.isEmpty()) {
                items.insertHead(id, courseId, null, item.key(), item.type(), ItemStore.Status.PUBLISHED, now);
                version = 1;
            } else if (existing.get().body().equals(body)
                    && existing.get().skillIds().equals(skills)
                    && existing.get().status() == ItemStore.Status.PUBLISHED) {
                continue;
            } else {
                var current = existing.get();
                version = current.status() == ItemStore.Status.DRAFT
                        ? current.currentVersion()
                        : current.currentVersion() + 1;
            }
            items.writeVersion(id, version, item.type(), ItemStore.Status.PUBLISHED, body, skills, now);
            published.add(new ItemPublished(id, version, skills));
        }
        changed |= items.retireOthers(courseId, itemIds, now) > 0;
        changed |= !published.isEmpty();
        published.forEach(events::publishEvent);
        if (changed) {
            events.publishEvent(new CoursePublished(courseId));
        }
        return changed;
    }
}
