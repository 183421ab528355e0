//! Article images under `content/_media/`, indexed once per build with their
//! intrinsic sizes. Image N of `content/<lang>/<dir>/<slug>.md` is
//! `_media/<lang>/<dir>/<slug>/N.<ext>` if that exists (a translated
//! screenshot), else `_media/<dir>/<slug>/N.<ext>`, for ext in
//! png, jpg, jpeg, gif, webp, svg, or only for the file type the image tag
//! names.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::image_size;
use crate::ids::{ArticlePath, LangId};

pub const MEDIA_DIR: &str = "_media";
/// The file types of images, in the order they are looked for.
pub const IMAGE_TYPES: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg"];

#[derive(Debug, Clone)]
pub struct MediaFile {
    pub absolute: PathBuf,
    /// Path under `_media/`, with `/`; also its path under the output's `media/`.
    pub key: String,
    pub size: Option<(u32, u32)>,
}

#[derive(Debug, Default)]
pub struct Media {
    files: HashMap<String, MediaFile>,
}

impl Media {
    /// The keys tried for image `number` of an article, most specific first:
    /// of the file type given, or of any.
    pub fn candidates(lang: &LangId, article: &ArticlePath, number: u32, file_type: Option<&str>) -> Vec<String> {
        let stem = article.as_str().strip_suffix(".md").unwrap_or(article.as_str());
        let types = file_type.map_or(IMAGE_TYPES.to_vec(), |t| vec![t]);
        let mut keys = Vec::with_capacity(types.len() * 2);
        for prefix in [format!("{lang}/{stem}"), stem.to_string()] {
            keys.extend(types.iter().map(|ext| format!("{prefix}/{number}.{ext}")));
        }
        keys
    }

    pub fn image(
        &self,
        lang: &LangId,
        article: &ArticlePath,
        number: u32,
        file_type: Option<&str>,
    ) -> Option<&MediaFile> {
        Media::candidates(lang, article, number, file_type).iter().find_map(|key| self.files.get(key))
    }

    /// For tests and callers that build the index in memory.
    pub fn insert(&mut self, key: &str, size: Option<(u32, u32)>) {
        let file = MediaFile { absolute: PathBuf::from(key), key: key.to_string(), size };
        self.files.insert(key.to_string(), file);
    }
}

pub fn load(content_dir: &Path) -> Media {
    let root = content_dir.join(MEDIA_DIR);
    let paths: Vec<PathBuf> =
        WalkDir::new(&root).into_iter().flatten().filter(|e| e.file_type().is_file()).map(|e| e.into_path()).collect();
    let files = paths
        .into_par_iter()
        .filter_map(|absolute| {
            let key = absolute.strip_prefix(&root).ok()?.to_string_lossy().replace('\\', "/");
            let size = std::fs::File::open(&absolute).ok().and_then(image_size::read);
            Some((key.clone(), MediaFile { absolute, key, size }))
        })
        .collect();
    Media { files }
}
