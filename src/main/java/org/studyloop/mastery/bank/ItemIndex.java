package org.studyloop.mastery.bank;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CoursePublished;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemPublished;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.SkillId;
import org.studyloop.mastery.online.ItemCalibration;

/**
 * What the next-item choice needs of each item — its skills, whether it is a template, its author's
 * prior difficulty — per skill and per item, in memory so that a choice costs no catalog query once
 * warm. Entries are dropped when the catalog publishes a change and expire after ten minutes in any
 * case, which bounds staleness when another instance published it. Loading a skill's items also
 * loads their calibration in one query.
 */
@Component
public class ItemIndex {

    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    /** An item as the learner model sees it. */
    public record ItemMeta(ItemId itemId, List<SkillId> skills, boolean template, double prior) {

        public ItemMeta {
            skills = List.copyOf(skills);
        }

        static ItemMeta of(ItemSnapshot item) {
            var prior = item.difficulty();
            return new ItemMeta(
                    item.itemId(),
                    item.skillIds(),
                    item.isTemplate(),
                    prior == null || !Double.isFinite(prior) ? 0 : prior);
        }
    }

    private final Catalog catalog;
    private final ItemCalibration calibration;
    private final Cache<SkillId, List<ItemMeta>> bySkill = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();
    private final Cache<ItemId, Optional<ItemMeta>> byId = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();

    ItemIndex(Catalog catalog, ItemCalibration calibration) {
        this.catalog = catalog;
        this.calibration = calibration;
    }

    /** The published public items of a skill, templates included, in the catalog's order. */
    public List<ItemMeta> itemsOf(SkillId skill) {
        return bySkill.get(skill, this::load);
    }

    /** An item by id: a published item, or a template instance handed out before. */
    public Optional<ItemMeta> item(ItemId id) {
        return byId.get(id, key -> catalog.item(key).map(ItemMeta::of));
    }

    /**
     * Remembers an answered item's skills, so that the choices that look back at the session's
     * answers (interleaving, review coverage) need no catalog query, template instances included.
     */
    public void remember(ItemId id, List<SkillId> skills, double prior) {
        byId.asMap().putIfAbsent(id, Optional.of(new ItemMeta(id, skills, false, prior)));
    }

    private List<ItemMeta> load(SkillId skill) {
        var items = catalog.itemsForSkills(List.of(skill)).stream()
                .map(this::item)
                .flatMap(Optional::stream)
                .toList();
        var priors = new HashMap<ItemId, Double>();
        items.forEach(item -> priors.put(item.itemId(), item.prior()));
        calibration.preload(priors);
        return items;
    }

    @ApplicationModuleListener
    void on(ItemPublished event) {
        byId.invalidate(event.itemId());
        bySkill.invalidateAll(event.skillIds());
    }

    @ApplicationModuleListener
    void on(CoursePublished event) {
        bySkill.invalidateAll();
        byId.invalidateAll();
    }
}
