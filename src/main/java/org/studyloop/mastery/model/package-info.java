/**
 * The knowledge models (logistic Best-LR family, PFA, Elo, BKT) and their optimiser. Internal to the
 * module.
 */
@NullMarked
package org.studyloop.mastery.model;

import org.jspecify.annotations.NullMarked;
