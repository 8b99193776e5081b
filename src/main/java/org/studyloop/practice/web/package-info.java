/** Practice's HTTP calls (API.md, "Practice"). */
@NullMarked
package org.studyloop.practice.web;

import org.jspecify.annotations.NullMarked;
